using System.Runtime.InteropServices;

namespace ElsaFlow.Benchmarks;

/// <summary>What the numbers were measured on.</summary>
internal static class Machine
{
    public static string Os => RuntimeInformation.OSDescription;

    public static string Cpu
    {
        get
        {
            const string cpuInfo = "/proc/cpuinfo";
            if (!File.Exists(cpuInfo)) return RuntimeInformation.ProcessArchitecture.ToString();
            var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
