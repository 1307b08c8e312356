using ElsaFlow.Data;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Activities.Data;

/// <summary>The dataset(s) a data step produced, by outcome port.</summary>
public sealed class DataResult
{
    private DataResult(IReadOnlyDictionary<string, Dataset> ports) => Ports = ports;

    public IReadOnlyDictionary<string, Dataset> Ports { get; }

    public static DataResult Done(Dataset dataset) => new(new Dictionary<string, Dataset> { [Engine.Model.Ports.Done] = dataset });

    /// <summary>Several outcomes at once (Valid/Invalid, Done/Rejected); every port gets its own dataset, empty ones included.</summary>
    public static DataResult Of(params (string Port, Dataset Dataset)[] ports) => new(ports.ToDictionary(p => p.Port, p => p.Dataset));
}
