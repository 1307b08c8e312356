namespace ElsaFlow.FlowCorpus;

/// <summary>One document of the corpus: a name that says how it was made, the file extension that picks its format, its text.</summary>
public sealed record FlowCase(string Name, string Extension, string Text)
{
    public override string ToString() => $"{Name}{Extension} ({Text.Length:N0} chars)";
}
