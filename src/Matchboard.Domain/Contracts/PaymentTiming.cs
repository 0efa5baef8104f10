namespace Matchboard.Domain.Contracts;

/// <summary>When the fee is paid. A closed list, so both sides read the same words; details go in the payment note.</summary>
public enum PaymentTiming
{
    /// <summary>All of it after the work is accepted (完了後に一括).</summary>
    OnCompletion,

    /// <summary>Month by month for the visits of that month (毎月).</summary>
    Monthly,

    /// <summary>Half at the start, half after the work is accepted (開始時と完了後に半分ずつ).</summary>
    HalfAtStartHalfOnCompletion,

    /// <summary>All of it at the start (開始時に一括).</summary>
    AtStart,
}
