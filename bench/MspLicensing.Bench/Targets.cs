using System;

/// <summary>
/// The targets of PRODUCT.md §7 and the distributor-scale targets, set at 10,000 customers (three licenses each, a year
/// of seat changes) and at 100,000. Between the two a target moves with the logarithm of the scale; below 10,000 the
/// 10,000 figure holds; above 100,000 it grows in proportion. A write target with no 100,000 figure grows in
/// proportion to the work (customers, and months of seat changes).
/// </summary>
internal sealed class Targets
{
    private readonly int _scale;
    private readonly int _months;

    public Targets(int scale, int months)
    {
        _scale = scale;
        _months = months;
    }

    public double Import => Linear(10_000);
    public double Assign => Linear(10_000);
    public double SeatChanges => Linear(30_000) * _months / 12;
    public double Renewal => Between(2_500, 10_000);
    public double Report => Between(500, 1_000);
    public double ReportByCustomer => Between(1_000, 3_000);
    public double AllCustomers => Between(1_000, 1_000);
    public double Reconcile => Between(2_000, 20_000);
    public double Lookup => 5;
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
