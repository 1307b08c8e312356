namespace ElsaFlow.Activities.Http;

/// <summary>How HttpInput walks through the pages of an API.</summary>
public enum HttpPagination
{
    /// <summary>One request.</summary>
    None,
    /// <summary>A page number in the query (pageParam), from startPage up, until a page comes back empty.</summary>
    Page,
    /// <summary>offsetParam and limitParam in the query, pageSize records at a time, until a page comes back short.</summary>
    Offset,
    /// <summary>The next cursor read from the answer (cursorPath) and sent as cursorParam, until there is none.</summary>
    Cursor
}
