using System;

/// <summary>
/// The targets of PRODUCT.md §7 and the distributor-scale targets, set at 10,000 customers (three licenses each, a year
/// of seat changes) and at 100,000. Between the two a target moves with the logarithm of the scale; below 10,000 the
/// 10,000 figure holds; above 100,000 it grows in proportion. A write target with no 100,000 figure grows in
/// proportion to the work (customers, and months of seat changes). The team store has its own targets where they are
/// looser (a server a round trip away): the renewal under 5 s, the month report under 1 s and a lookup under 20 ms at
/// 10,000 customers.
/// </summary>
internal sealed class Targets
{
    private readonly int _scale;
    private readonly int _months;
    private readonly bool _teamStore;

    public Targets(int scale, int months, bool teamStore)
    {
        _scale = scale;
        _months = months;
        _teamStore = teamStore;
    }

    public double Import => Linear(10_000);
    public double Assign => Linear(10_000);
    public double SeatChanges => Linear(30_000) * _months / 12;
    public double Renewal => _teamStore ? Between(5_000, 10_000) : Between(2_500, 10_000);
    public double Report => _teamStore ? Between(1_000, 1_000) : Between(500, 1_000);
    public double ReportByCustomer => Between(1_000, 3_000);
    public double AllCustomers => Between(1_000, 1_000);
    public double Reconcile => Between(2_000, 20_000);
    public double Lookup => _teamStore ? 20 : 5;
    public double CustomersLicenses => Linear(2_000);
    public long PeakBytes => (long)(Between(1_024, 1_024) * 1024 * 1024);

    private double Linear(double at10k) => at10k * Math.Max(1, _scale / 10_000d);

    private double Between(double at10k, double at100k)
    {
        if (_scale <= 10_000) return at10k;
        if (_scale >= 100_000) return at100k * _scale / 100_000d;
        double t = Math.Log10(_scale / 10_000d);
        return at10k + (at100k - at10k) * t;
    }
}
