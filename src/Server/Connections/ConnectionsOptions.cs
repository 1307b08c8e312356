namespace ElsaFlow.Server.Connections;

/// <summary>The "ElsaFlow:Connections" section: where the keys live that encrypt the named connections' secrets.</summary>
public sealed class ConnectionsOptions
{
    /// <summary>
    /// The Data Protection key ring folder; empty: <c>keys</c> in the data folder. Nodes sharing one store must share
    /// this folder too (a mounted volume), or each node fails to decrypt the connections another node saved.
    /// </summary>
    public string KeyRing { get; set; } = "";
}
