namespace ElsaFlow.Engine.Runtime.State;

/// <summary>A preview run stops after <see cref="ActivityId"/> and reads at most <see cref="Rows"/> rows per input.</summary>
public sealed record PreviewState(string ActivityId, int Rows);
