using System.Reflection;
using System.Runtime.Loader;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Descriptors;

/// <summary>
/// The one place that knows every activity type: descriptors for validation, the palette and the API, and the
/// shared template instance the runtime executes. Types come from assemblies and from a plugins folder.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public IReadOnlyCollection<ActivityDescriptor> Descriptors
    {
        get { lock (_gate) return _entries.Values.Select(e => e.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.Type).ToList(); }
    }

    public ActivityRegistry Register<TActivity>() where TActivity : Activity, new() => Register(typeof(TActivity));

    public ActivityRegistry Register(Type type)
    {
        if (!typeof(Activity).IsAssignableFrom(type) || type.IsAbstract || type.GetCustomAttribute<ActivityAttribute>() is null)
            throw new ArgumentException($"{type.FullName} is not a concrete activity with an [Activity] attribute", nameof(type));
        var template = CreateTemplate(type);
        var descriptor = DescriptorBuilder.Build(type, template);
        lock (_gate) _entries[descriptor.Type] = new Entry(descriptor, template);
        return this;
    }

    /// <summary>
    /// The SQL checker validation uses, when an assembly registered here has one (a public <see cref="ISqlSyntax"/> with
    /// a parameterless constructor: the data plugins'); without one, SQL is checked only when it runs.
    /// </summary>
    public ISqlSyntax? SqlSyntax { get; private set; }

    /// <summary>Registers every activity class of an assembly, and its SQL checker if it has one.</summary>
    public ActivityRegistry RegisterAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetExportedTypes())
        {
            if (typeof(Activity).IsAssignableFrom(type) && !type.IsAbstract && type.GetCustomAttribute<ActivityAttribute>() is not null)
                Register(type);
            else if (SqlSyntax is null && typeof(ISqlSyntax).IsAssignableFrom(type) && type is { IsAbstract: false, IsInterface: false }
                     && type.GetConstructor(Type.EmptyTypes) is not null)
                SqlSyntax = (ISqlSyntax)Activator.CreateInstance(type)!;
        }
        return this;
    }

    /// <summary>Loads every assembly of a plugins folder and registers its activities; a missing folder is not an error.</summary>
    public IReadOnlyList<string> LoadPlugins(string folder)
    {
        var loaded = new List<string>();
        if (!Directory.Exists(folder)) return loaded;
        foreach (var path in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            var name = AssemblyName.GetAssemblyName(path);
            var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name))
                ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path));
            if (!assembly.GetReferencedAssemblies().Any(r => r.Name == typeof(Activity).Assembly.GetName().Name)) continue;
            try
            {
                RegisterAssembly(assembly);
            }
            catch (Exception error) when (error is InvalidOperationException or ArgumentException)
            {
                throw new InvalidOperationException($"Plugin {path}: {error.Message}", error);
            }
            loaded.Add(path);
        }
        return loaded;
    }

    public bool TryGet(string type, out ActivityDescriptor descriptor)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(type, out var entry)) { descriptor = entry.Descriptor; return true; }
        }
        descriptor = null!;
        return false;
    }

    public ActivityDescriptor GetDescriptor(string type) =>
        TryGet(type, out var descriptor) ? descriptor : throw new UnknownActivityTypeException(type);

    /// <summary>The shared, stateless instance of an activity type, with its inputs and outputs named.</summary>
    public Activity GetActivity(string type)
    {
        lock (_gate)
            return _entries.TryGetValue(type, out var entry) ? entry.Template : throw new UnknownActivityTypeException(type);
    }

    private static Activity CreateTemplate(Type type)
    {
        var activity = (Activity)Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(activity);
            var nameProperty = value?.GetType().GetProperty("Name");
            if (value is IInput) nameProperty!.SetValue(value, DescriptorBuilder.InputName(property));
            else if (value is IOutput) nameProperty!.SetValue(value, DescriptorBuilder.OutputName(property));
        }
        return activity;
    }

    private sealed record Entry(ActivityDescriptor Descriptor, Activity Template);
}

/// <summary>A flow names an activity type nobody registered.</summary>
public sealed class UnknownActivityTypeException(string type) : Exception($"Unknown activity type '{type}'")
{
    public string Type { get; } = type;
}
