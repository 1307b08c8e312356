namespace ElsaFlow.Activities.Tests.Databases;

/// <summary>A test that needs the SQL Server named by ELSAFLOW_TEST_SQLSERVER (none can run here): reported as skipped without it.</summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public const string Variable = "ELSAFLOW_TEST_SQLSERVER";

    public SqlServerFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"{Variable} is not set: no SQL Server here; set it to a connection string (a login that may create databases) to run the SQL Server tests";
    }
}
