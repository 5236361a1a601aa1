using IkiBot.Knowledge.Reporting;
using ScottPlot;

namespace IkiBot.Bot.Supervision;

/// <summary>One line of a chart: an indicator's realization per month (index 0 = January) and its year target, if any.</summary>
public sealed record ChartSeries(int No, string Indikator, int[] Monthly, int? Target);

/// <summary>PNG charts of monthly realization (ScottPlot, rendered headless through SkiaSharp).</summary>
public static class RealisasiChart
{
    public const string ContentType = "image/png";
    public const int Width = 1000;
    public const int Height = 560;
    private static readonly string[] MonthShort = Periode.NamaBulan.Select(m => m[..3]).ToArray();

    /// <summary>The months to draw for a year seen at <paramref name="now"/>: all of a past year, up to this month in this one.</summary>
    public static int MonthsToDraw(int tahun, DateTimeOffset now)
    {
        var current = Periode.Of(now);
        return tahun < current.Tahun ? 12 : tahun == current.Tahun ? current.Bulan : 1;
    }

    /// <summary>
    /// One indicator: bars for each month's realization, a line for the running total, and a dashed line for the
    /// year's target. Several indicators: one line of monthly realization each.
    /// </summary>
    /// <param name="upToMonth">The last month to draw (the current month in the current year), so months to come are not drawn as zeros.</param>
    public static byte[] Render(string jabatan, int tahun, IReadOnlyList<ChartSeries> series, int upToMonth = 12)
    {
        ArgumentOutOfRangeException.ThrowIfZero(series.Count);
        upToMonth = Math.Clamp(upToMonth, 1, 12);
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var ticks = Enumerable.Range(1, 12).Select(m => (double)m).ToArray();
        var xs = ticks.Take(upToMonth).ToArray();
        series = series.Select(s => s with { Monthly = s.Monthly.Take(upToMonth).ToArray() }).ToList();

        if (series.Count == 1)
        {
            var s = series[0];
            var bars = plot.Add.Bars(xs, s.Monthly.Select(v => (double)v).ToArray());
            bars.LegendText = "Realisasi per bulan";
            var running = 0;
            var cumulative = s.Monthly.Select(v => (double)(running += v)).ToArray();
            var line = plot.Add.Scatter(xs, cumulative);
            line.LegendText = "Realisasi kumulatif";
            line.LineWidth = 2;
            line.MarkerSize = 6;
            if (s.Target is { } target)
            {
                var t = plot.Add.HorizontalLine(target);
                t.LinePattern = LinePattern.Dashed;
                t.LineWidth = 2;
                t.Color = Colors.Red;
                t.LegendText = $"Target {tahun}: {target}";
            }
            plot.Title($"{Short(s.No + ". " + s.Indikator, 70)}\n{Short(jabatan, 70)} — {tahun}");
            var top = Math.Max(Math.Max(cumulative.Max(), s.Target ?? 0), 1);
            plot.Axes.SetLimitsY(0, top * 1.15);
        }
        else
        {
            foreach (var s in series)
            {
                var line = plot.Add.Scatter(xs, s.Monthly.Select(v => (double)v).ToArray());
                line.LegendText = Short($"{s.No}. {s.Indikator}", 45);
                line.LineWidth = 2;
                line.MarkerSize = 5;
            }
            plot.Title($"Realisasi per bulan — {Short(jabatan, 60)} {tahun}");
            var top = Math.Max(series.Max(s => s.Monthly.Max()), 1);
            plot.Axes.SetLimitsY(0, top * 1.2);
        }

        plot.Axes.SetLimitsX(0.4, 12.6);
        plot.Axes.Bottom.SetTicks(ticks, MonthShort);
        plot.YLabel("Jumlah");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static string Short(string s, int max) => s.Length > max ? s[..max].TrimEnd() + "…" : s;
}
