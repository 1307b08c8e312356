using System.Text;

namespace ElsaFlow.Engine.Expressions;

/// <summary>Collects a render's output and stops it when the output passes its limit or the render its time.</summary>
internal sealed class LiquidWriter(LiquidContext context) : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.Unicode;

    public override void Write(char value)
    {
        Check(1);
        _text.Append(value);
    }

    public override void Write(string? value)
    {
        Check(value?.Length ?? 0);
        _text.Append(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Check(count);
        _text.Append(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Check(buffer.Length);
        _text.Append(buffer);
    }

    public override string ToString() => _text.ToString();

    private void Check(int more) => context.CheckText((long)_text.Length + more, "output");
}
