using ElsaFlow.Activities.Connections;
using ElsaFlow.Engine.Secrets;

namespace ElsaFlow.Activities.Tests.Connections;

/// <summary>What is secret in a connection string, and the form of it that may be shown.</summary>
public sealed class ConnectionStringsTests
{
    [Theory]
    [InlineData("Host=db;Database=dw;Username=etl;Password=pa55-word", "host=db;database=dw;username=etl;password=***")]
    [InlineData("Server=crm;User ID=bi;Pwd=pa55-word;SslMode=None", "server=crm;user id=bi;pwd=***;sslmode=None")]
    [InlineData("Endpoint=https://s3;AccessKey=AKIA1234;SecretKey=pa55-word", "endpoint=https://s3;accesskey=***;secretkey=***")]
    public void Redact_KeyValueString_EverySecretValueMasked(string connectionString, string expected)
    {
        var shown = ConnectionStrings.Redact(connectionString);

        Assert.Equal(expected, shown, ignoreCase: true);
        Assert.DoesNotContain("pa55-word", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_Url_PasswordMaskedUserAndHostKept()
    {
        var shown = ConnectionStrings.Redact("mongodb://etl:pa55%40word@db.internal:27017/dw");

        Assert.Equal("mongodb://etl:***@db.internal:27017/dw", shown);
    }

    [Fact]
    public void Redact_Unreadable_MaskedWhole()
    {
        Assert.Equal("***", ConnectionStrings.Redact("Password='unterminated"));
    }

    [Fact]
    public void Secrets_QuotedPasswordWithSemicolon_ItsValueAndTheWholeString()
    {
        const string connectionString = "Server=db;Password=\"a;b=c-pa55\"";

        var secrets = ConnectionStrings.Secrets(connectionString);

        Assert.Contains(connectionString, secrets);
        Assert.Contains("a;b=c-pa55", secrets);
        Assert.Equal("error near ***: refused", new SecretRedactor(secrets).Redact("error near a;b=c-pa55: refused"));
    }

    [Fact]
    public void Secrets_UrlPassword_AsWrittenAndUnescaped()
    {
        var secrets = ConnectionStrings.Secrets("postgres://etl:pa55%40word@db/dw");

        Assert.Contains("pa55%40word", secrets);
        Assert.Contains("pa55@word", secrets);
    }

    [Fact]
    public void KnownSecrets_Added_RedactedFromText()
    {
        var known = new KnownSecrets();

        known.Add(ConnectionStrings.Secrets("Server=db;Password=hunter2-long"));

        Assert.Equal("login failed for *** at db", known.Redactor.Redact("login failed for hunter2-long at db"));
    }
}
