using System.Text.Json.Nodes;
using ElsaFlow.Engine.Secrets;

namespace ElsaFlow.Engine.Tests.Secrets;

public sealed class SecretRedactorTests
{
    [Fact]
    public void Redact_TextWithSecretTwiceAndEscaped_ReplacesEveryOccurrence()
    {
        var secrets = new SecretRedactor(["p@ss word"]);

        var text = secrets.Redact("Bearer p@ss word; again p@ss word; in a query ?t=p%40ss%20word");

        Assert.Equal("Bearer ***; again ***; in a query ?t=***", text);
    }

    [Fact]
    public void Redact_LongerSecretContainingShorter_ReplacedWhole()
    {
        var secrets = new SecretRedactor(["abcd", "abcdefgh"]);

        Assert.Equal("x *** y ***", secrets.Redact("x abcdefgh y abcd"));
    }

    [Fact]
    public void Redact_ShortSecret_NotSearchedInText()
    {
        var secrets = new SecretRedactor(["ab", ""]);

        Assert.True(secrets.IsEmpty);
        Assert.Equal("abc", secrets.Redact("abc"));
    }

    [Fact]
    public void Redact_Json_RedactsStringValuesAndNamesInACopy()
    {
        var secrets = new SecretRedactor(["s3cret"]);
        var node = JsonNode.Parse("""{"auth": "Bearer s3cret", "list": ["s3cret", 1, true], "s3cret": {"n": null}}""")!;

        var redacted = secrets.Redact(node);

        Assert.Equal("""{"auth":"Bearer ***","list":["***",1,true],"***":{"n":null}}""", redacted!.ToJsonString());
        Assert.Contains("s3cret", node.ToJsonString()); // the original is left alone
    }
}
