using System.Diagnostics;

namespace ElsaFlow.Benchmarks;

/// <summary>Stopwatch helpers: run a timed body several times and keep the median.</summary>
internal static class Measure
{
    public static async Task<(double Median, double[] All)> MedianSecondsAsync(int runs, Func<Task> body)
    {
        var all = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            await body();
            all[i] = clock.Elapsed.TotalSeconds;
        }
        var sorted = all.Order().ToArray();
        return (sorted[runs / 2], all);
    }

    public static string Rate(double value, string unit) => $"{value:N0} {unit}";
}
