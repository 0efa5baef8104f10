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

    /// <summary>
    /// Within <c>a &amp;&amp; b</c>, a condition in <c>b</c> that repeats <c>a</c> is known to hold and becomes <c>true</c>; the
    /// constants are then folded away. A rule built from other rules keeps its one definition while the database sees
    /// the plain predicate: <c>Status = 'Open' AND BidDeadline &gt; @now</c> (a range an index can seek), not
    /// <c>Status = 'Open' AND (Status &lt;&gt; 'Open' OR BidDeadline &gt; @now)</c>. Logically the same expression.
    /// </summary>
    public static Expression Simplify(Expression expression) => new Simplifier().Visit(expression);

    private sealed class Simplifier : ExpressionVisitor
    {
        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType == ExpressionType.AndAlso)
            {
                var left = Visit(node.Left);
                var right = Visit(new Known(left).Visit(node.Right)!);
                return (Constant(left), Constant(right)) switch
                {
                    (false, _) or (_, false) => Expression.Constant(false),
                    (true, _) => right,
                    (_, true) => left,
                    _ => node.Update(left, node.Conversion, right),
                };
            }

            if (node.NodeType == ExpressionType.OrElse)
            {
                var left = Visit(node.Left);
                var right = Visit(node.Right);
                return (Constant(left), Constant(right)) switch
                {
                    (true, _) or (_, true) => Expression.Constant(true),
                    (false, _) => right,
                    (_, false) => left,
                    _ => node.Update(left, node.Conversion, right),
                };
            }

            return base.VisitBinary(node);
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            var operand = Visit(node.Operand);
            return node.NodeType == ExpressionType.Not && Constant(operand) is { } value
                ? Expression.Constant(!value)
                : node.Update(operand);
        }

        private static bool? Constant(Expression expression) =>
            expression is ConstantExpression { Value: bool value } ? value : null;
    }

    /// <summary>Replaces every copy of a condition known to hold (and of each of its conjuncts) by <c>true</c>.</summary>
    private sealed class Known(Expression condition) : ExpressionVisitor
    {
        private readonly HashSet<string> known = Conjuncts(condition).Select(c => c.ToString()).ToHashSet(StringComparer.Ordinal);

        public override Expression? Visit(Expression? node) =>
            node is { Type: var type } && type == typeof(bool) && known.Contains(node.ToString())
                ? Expression.Constant(true)
                : base.Visit(node);

        private static IEnumerable<Expression> Conjuncts(Expression expression) =>
            expression is BinaryExpression { NodeType: ExpressionType.AndAlso } and
                ? Conjuncts(and.Left).Concat(Conjuncts(and.Right))
                : [expression];
    }

    private sealed class Replacer(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            map.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
