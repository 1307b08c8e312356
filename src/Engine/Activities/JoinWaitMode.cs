namespace ElsaFlow.Engine.Activities;

/// <summary>Whether a Join waits for every live branch or continues on the first.</summary>
public enum JoinWaitMode { WaitAll, WaitAny }
