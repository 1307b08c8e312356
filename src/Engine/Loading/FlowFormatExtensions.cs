namespace ElsaFlow.Engine.Loading;

/// <summary>Picks a <see cref="FlowFormat"/> from a file name and names its usual extension.</summary>
public static class FlowFormatExtensions
{
    extension(FlowFormat)
    {
        /// <summary>The format of a flow file by its extension (.json, .yaml/.yml, .xml).</summary>
        public static FlowFormat FromPath(string path) =>
            TryFromPath(path, out var format) ? format
                : throw new ArgumentException($"{path} has no flow file extension: use .json, .yaml, .yml or .xml", nameof(path));

        public static bool TryFromPath(string path, out FlowFormat format)
        {
            (var known, format) = Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".json" => (true, FlowFormat.Json),
                ".yaml" or ".yml" => (true, FlowFormat.Yaml),
                ".xml" => (true, FlowFormat.Xml),
                _ => (false, FlowFormat.Json)
            };
            return known;
        }
    }

    extension(FlowFormat format)
    {
        public string Extension => format switch { FlowFormat.Yaml => ".yaml", FlowFormat.Xml => ".xml", _ => ".json" };
    }
}
