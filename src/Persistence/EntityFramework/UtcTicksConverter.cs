using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ElsaFlow.Persistence.EntityFramework;

/// <summary>
/// Stores a DateTimeOffset as its UTC ticks (a 64-bit integer): exact, sortable and the same on every provider.
/// Values come back with offset zero.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
