using System.Linq.Expressions;

namespace Matchboard.Domain;

/// <summary>
/// Puts expressions in place of a rule's parameters, so that a rule written once as an expression can be
/// applied to an entity's columns in a database query as well as compiled for use in memory.
/// </summary>
internal static class ExpressionBinding
{
    public static Expression Bind(LambdaExpression rule, params Expression[] arguments)
    {
        var map = rule.Parameters.Zip(arguments).ToDictionary(p => p.First, p => p.Second);
        return new Replacer(map).Visit(rule.Body);
    }

    private sealed class Replacer(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            map.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
