using Bogus;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Inputs;

/// <summary>
/// Makes rows of fake data with Bogus, columns named after Python Faker methods (name, address, city, email,
/// date_of_birth, ...). With a seed the same rows come every run. Filled through the appender into a table.
/// </summary>
[Activity(Category = "Inputs", Description = "Generate fake rows (Python Faker method names, zh_CN by default)")]
public sealed class FakerInput : DataActivity
{
    [Input(Description = "How many rows to make", Required = true)]
    public Input<int> Rows { get; init; } = new(10);

    [Input(Description = "Columns: Faker method names (\"city\") or {name, faker} objects")]
    public Input<List<FakerColumn>> Columns { get; init; } = new([]);

    [Input(Description = "Columns picked at random from a list: [{key, values}]")]
    public Input<List<FakerRandom>> Randoms { get; init; } = new([]);

    [Input(Description = "Faker locale, e.g. zh_CN, en, de, ja")]
    public Input<string> Locale { get; init; } = new("zh_CN");

    [Input(Description = "Seed for repeatable data: the same seed gives the same rows")]
    public Input<int?> Seed { get; init; } = new(null);

    public override void Validate(ActivityValidationContext context)
    {
        if (context.Raw("rows") is System.Text.Json.Nodes.JsonValue r && r.TryGetValue<int>(out var rows) && rows < 0)
            context.Report("rows", "must be 0 or more");
        if (context.Raw("columns") is System.Text.Json.Nodes.JsonArray columns)
            foreach (var method in columns.Select(c => c is System.Text.Json.Nodes.JsonObject o ? o["faker"] : c))
                if (method is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var name) && !FakerMethods.IsSupported(name))
                    context.Report("columns", UnknownMethod(name));
    }

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var rows = context.Get(Rows);
        if (rows < 0) throw new DataStepException("rows: must be 0 or more");
        var columns = context.Get(Columns) ?? [];
        var randoms = context.Get(Randoms) ?? [];
        foreach (var column in columns)
            if (!FakerMethods.IsSupported(column.Faker)) throw new DataStepException("columns: " + UnknownMethod(column.Faker));
        foreach (var random in randoms)
            if (string.IsNullOrWhiteSpace(random.Key) || random.Values.Count == 0)
                throw new DataStepException($"randoms: '{random.Key}' needs a key and at least one value");
        if (columns.Count + randoms.Count == 0) throw new DataStepException("columns: give at least one column (or randoms)");

        var locale = context.Get(Locale);
        if (!Database.LocaleResourceExists(locale)) throw new DataStepException($"locale: '{locale}' is not a Faker locale (e.g. zh_CN, zh_TW, en, de, fr, ja, ko)");

        var randomValues = randoms.Select(r => r.Values.Select(System.Text.Json.Nodes.JsonNode? (v) => v).Select(Engine.ActivityModel.ValueConverter.ToPlain).ToList()).ToList();
        var randomTypes = randomValues.Select(values => ColumnGuess.TypeOf(values, parseText: false)).ToList();
        var schema = columns.Select(c => new DataColumn(c.Name, FakerMethods.TypeOf(c.Faker)))
            .Concat(randoms.Select((r, i) => new DataColumn(r.Key, randomTypes[i]))).ToList();
        var names = AppendedTable.UniqueNames(schema.Select(c => c.Name));
        schema = schema.Select((c, i) => c with { Name = names[i] }).ToList();

        var count = context.PreviewRows is { } preview ? Math.Min(preview, rows) : rows;
        var seed = context.Get(Seed);
        var randomizer = seed is { } s ? new Randomizer(s) : new Randomizer();
        var local = new Faker(locale) { Random = randomizer };
        var english = new Faker("en") { Random = randomizer };
        var asian = FakerMethods.IsAsian(locale);

        IEnumerable<object?[]> Generate()
        {
            for (var n = 0; n < count; n++)
            {
                var row = new object?[schema.Count];
                for (var i = 0; i < columns.Count; i++) row[i] = FakerMethods.Make(columns[i].Faker, local, english, asian);
                for (var i = 0; i < randoms.Count; i++) row[columns.Count + i] = ColumnGuess.Convert(randomizer.ListItem(randomValues[i]), randomTypes[i]);
                yield return row;
            }
        }

        return DataResult.Done(await AppendedTable.FillAsync(context, schema, Generate()));
    }

    private static string UnknownMethod(string method) =>
        $"'{method}' is not a supported Faker method; supported: {string.Join(", ", FakerMethods.Supported)}";
}
