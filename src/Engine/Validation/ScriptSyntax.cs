using Acornima;
using Fluid;

namespace ElsaFlow.Engine.Validation;

/// <summary>Syntax checks for the script languages a flow may hold, without running anything.</summary>
internal static class ScriptSyntax
{
    private static readonly FluidParser Liquid = new();

    /// <summary>The parser's complaint about a JavaScript text, with line and column; null when it parses.</summary>
    public static string? CheckJavaScript(string code)
    {
        try
        {
            new Parser().ParseScript(code);
            return null;
        }
        catch (ParseErrorException e)
        {
            // Acornima counts columns from zero, like acorn; editors and people count from one.
            return $"JavaScript syntax error at line {e.LineNumber}, column {e.Column + 1}: {e.Description}";
        }
    }

    public static string? CheckLiquid(string template) =>
        Liquid.TryParse(template, out _, out var error) ? null : $"Liquid syntax error: {error}";
}
