using System.Data.Common;
using ElsaFlow.Activities.Data;

namespace ElsaFlow.Activities.Transforms;

/// <summary>Turns DuckDB's complaints about SQL a user wrote (a condition, an expression, a query) into errors that name the field.</summary>
internal static class SqlErrors
{
    public static async Task<T> Guard<T>(string field, Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (DbException error)
        {
            throw new DataStepException($"{field}: {error.Message}", error);
        }
    }
}
