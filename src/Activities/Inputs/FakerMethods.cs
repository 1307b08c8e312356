using Bogus;

namespace ElsaFlow.Activities.Inputs;

/// <summary>
/// Python Faker method names (what NiceFlow flows use) mapped to Bogus. Chinese, Japanese and Korean locales write
/// names and addresses the local way (family name first, no spaces); e-mail and user names come from the English
/// data there, as Bogus has no romanised names for them.
/// </summary>
internal static class FakerMethods
{
    private static readonly DateTime Oldest = new(1940, 1, 1), Youngest = new(2006, 12, 31);
    private static readonly DateTime Earliest = new(2000, 1, 1), Latest = new(2025, 12, 31);

    /// <summary>Method name -> (DuckDB type, value from a locale faker and an English one sharing its randomizer).</summary>
    private static readonly Dictionary<string, (string Type, Func<Faker, Faker, bool, object> Make)> Methods = new(StringComparer.Ordinal)
    {
        ["name"] = ("VARCHAR", (f, _, asian) => asian ? f.Name.LastName() + f.Name.FirstName() : f.Name.FullName()),
        ["first_name"] = ("VARCHAR", (f, _, _) => f.Name.FirstName()),
        ["last_name"] = ("VARCHAR", (f, _, _) => f.Name.LastName()),
        ["address"] = ("VARCHAR", (f, _, asian) => asian ? f.Address.State() + f.Address.City() + f.Address.StreetAddress() : f.Address.FullAddress()),
        ["street_address"] = ("VARCHAR", (f, _, _) => f.Address.StreetAddress()),
        ["city"] = ("VARCHAR", (f, _, _) => f.Address.City()),
        ["province"] = ("VARCHAR", (f, _, _) => f.Address.State()),
        ["state"] = ("VARCHAR", (f, _, _) => f.Address.State()),
        ["country"] = ("VARCHAR", (f, _, _) => f.Address.Country()),
        ["postcode"] = ("VARCHAR", (f, _, _) => f.Address.ZipCode()),
        ["zipcode"] = ("VARCHAR", (f, _, _) => f.Address.ZipCode()),
        ["phone_number"] = ("VARCHAR", (f, _, _) => f.Phone.PhoneNumber()),
        ["email"] = ("VARCHAR", (f, en, asian) => asian ? en.Internet.Email() : f.Internet.Email()),
        ["user_name"] = ("VARCHAR", (f, en, asian) => asian ? en.Internet.UserName() : f.Internet.UserName()),
        ["url"] = ("VARCHAR", (_, en, _) => en.Internet.Url()),
        ["ipv4"] = ("VARCHAR", (f, _, _) => f.Internet.Ip()),
        ["company"] = ("VARCHAR", (f, _, _) => f.Company.CompanyName()),
        ["job"] = ("VARCHAR", (f, _, _) => f.Name.JobTitle()),
        ["word"] = ("VARCHAR", (f, _, _) => f.Lorem.Word()),
        ["sentence"] = ("VARCHAR", (f, _, _) => f.Lorem.Sentence()),
        ["text"] = ("VARCHAR", (f, _, _) => f.Lorem.Paragraph()),
        ["color_name"] = ("VARCHAR", (f, _, _) => f.Commerce.Color()),
        ["credit_card_number"] = ("VARCHAR", (f, _, _) => f.Finance.CreditCardNumber()),
        ["iban"] = ("VARCHAR", (f, _, _) => f.Finance.Iban()),
        ["uuid4"] = ("VARCHAR", (f, _, _) => f.Random.Guid().ToString()),
        ["boolean"] = ("BOOLEAN", (f, _, _) => f.Random.Bool()),
        ["random_int"] = ("BIGINT", (f, _, _) => (long)f.Random.Int(0, 9999)),
        ["pyfloat"] = ("DOUBLE", (f, _, _) => Math.Round(f.Random.Double(0, 10000), 2)),
        ["date_of_birth"] = ("DATE", (f, _, _) => DateOnly.FromDateTime(f.Date.Between(Oldest, Youngest))),
        ["date"] = ("DATE", (f, _, _) => DateOnly.FromDateTime(f.Date.Between(Earliest, Latest))),
        ["date_time"] = ("TIMESTAMP", (f, _, _) => TruncateToSeconds(f.Date.Between(Earliest, Latest))),
    };

    public static IEnumerable<string> Supported => Methods.Keys.Order(StringComparer.Ordinal);

    public static bool IsSupported(string method) => Methods.ContainsKey(method);

    public static string TypeOf(string method) => Methods[method].Type;

    public static object Make(string method, Faker local, Faker english, bool asian) => Methods[method].Make(local, english, asian);

    public static bool IsAsian(string locale) => locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
        || locale.StartsWith("ja", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("ko", StringComparison.OrdinalIgnoreCase);

    private static DateTime TruncateToSeconds(DateTime value) => new(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond);
}
