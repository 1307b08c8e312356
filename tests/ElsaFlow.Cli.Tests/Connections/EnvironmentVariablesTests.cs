using ElsaFlow.Cli.Connections;

namespace ElsaFlow.Cli.Tests.Connections;

/// <summary>${NAME} in the connections file comes from the environment; $${NAME} stays literal.</summary>
public sealed class EnvironmentVariablesTests
{
    [Fact]
    public void Expand_SetUnsetAndEscaped_ReplacesOnlyTheSetAndNamesTheUnset()
    {
        Environment.SetEnvironmentVariable("ELSAFLOW_TEST_EXPAND_SET", "pa55");
        Environment.SetEnvironmentVariable("ELSAFLOW_TEST_EXPAND_UNSET", null);

        var text = EnvironmentVariables.Expand("a=${ELSAFLOW_TEST_EXPAND_SET};b=${ELSAFLOW_TEST_EXPAND_UNSET};c=$${ELSAFLOW_TEST_EXPAND_SET};d=${not a name}", out var missing);

        Assert.Equal("a=pa55;b=;c=${ELSAFLOW_TEST_EXPAND_SET};d=${not a name}", text);
        Assert.Equal(["ELSAFLOW_TEST_EXPAND_UNSET"], missing);
    }
}
