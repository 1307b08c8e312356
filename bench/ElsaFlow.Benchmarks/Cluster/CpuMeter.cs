using System.Diagnostics;
using ElsaFlow.TestServers;

namespace ElsaFlow.Benchmarks.Cluster;

/// <summary>
/// CPU time the cluster's processes spent between its creation and a reading (nodes, the broker's Erlang VM, MariaDB):
/// on a machine with few cores, where a remote activity's cost goes. Only the broker and database of this cluster count
/// (their command line names the fixture's folder): other test fixtures on a shared machine are left out.
/// </summary>
internal sealed class CpuMeter
{
    private readonly Dictionary<string, (Process Process, TimeSpan Start)> _processes = new();

    public CpuMeter(IEnumerable<ClusterNode> nodes, string brokerFolder, string databaseFolder)
    {
        foreach (var node in nodes) Add(node.Name, Process.GetProcessById(node.ProcessId));
        foreach (var process in Process.GetProcessesByName("beam.smp").Where(p => Names(p, brokerFolder))) Add($"rabbitmq{process.Id}", process);
        foreach (var process in Process.GetProcessesByName("mariadbd").Where(p => Names(p, databaseFolder))) Add($"mariadb{process.Id}", process);
    }

    private static bool Names(Process process, string folder)
    {
        try { return File.ReadAllText($"/proc/{process.Id}/cmdline").Contains(folder, StringComparison.Ordinal); }
        catch (IOException) { return false; } // it exited
    }

    private void Add(string name, Process process) => _processes[name] = (process, process.TotalProcessorTime);

    /// <summary>"master 210 us, worker1 180 us, ..." per unit of work.</summary>
    public string MicrosecondsPer(int units) => string.Join(", ", _processes.Select(p =>
    {
        p.Value.Process.Refresh();
        var spent = p.Value.Process.TotalProcessorTime - p.Value.Start;
        return $"{Name(p.Key)} {spent.TotalMicroseconds / units:N0} us";
    }));

    private static string Name(string key) => key.StartsWith("rabbitmq", StringComparison.Ordinal) ? "RabbitMQ" : key.StartsWith("mariadb", StringComparison.Ordinal) ? "MariaDB" : key;
}
