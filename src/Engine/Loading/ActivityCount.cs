using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Loading;

/// <summary>Counts the activities of a flow document before it is mapped, so an oversized flow costs one walk, not a validation.</summary>
internal static class ActivityCount
{
    /// <summary>The root and every object under an "activities" list, walked with a stack (documents nest, the call stack must not).</summary>
    public static int Of(JsonObject document)
    {
        if (document["root"] is not JsonObject root) return 0;
        var count = 0;
        var pending = new Stack<JsonObject>();
        pending.Push(root);
        while (pending.TryPop(out var activity))
        {
            count++;
            if (activity["activities"] is not JsonArray children) continue;
            foreach (var child in children)
                if (child is JsonObject o) pending.Push(o);
        }
        return count;
    }
}
