using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IkiBot.Data;

/// <summary>Stores an enum as its lowercase name, e.g. <c>Peran.Atasan</c> as "atasan".</summary>
public sealed class LowercaseEnumConverter<T>() : ValueConverter<T, string>(
    v => v.ToString().ToLowerInvariant(),
    s => Enum.Parse<T>(s, true))
    where T : struct, Enum;
