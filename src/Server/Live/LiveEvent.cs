using ElsaFlow.Engine.Store;

namespace ElsaFlow.Server.Live;

/// <summary>One thing an instance did, as the observer heard it: exactly one of the three parts is set.</summary>
public sealed record LiveEvent(InstanceStatusChanged? Status = null, JournalEntry? Journal = null, LogEntry? Log = null)
{
    public string InstanceId => Status?.InstanceId ?? Journal?.InstanceId ?? Log!.InstanceId;
}
