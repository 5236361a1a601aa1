using System.Buffers;
using System.Text;
using System.Text.Json;
using IkiBot.Data;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Cli;

/// <summary>`realisasi list --periode 2026-11 [--json]`: the active entries of a period, written as they are read.</summary>
public static class RealisasiCommand
{
    private const int ChunkBytes = 64 * 1024;

    public static async Task<int> ListAsync(IkiDbContextFactory database, TimeProvider time, string? periode, bool json, TextWriter output)
    {
        var code = periode ?? Periode.Of(time.GetUtcNow()).Code;
        if (!PeriodeFormat.IsValid(code)) throw new UsageException($"Periode harus berbentuk TTTT-BB, misalnya 2026-11, bukan \"{code}\".");
        var entries = new RealisasiStore(database, time).StreamByPeriodeAsync(code);
        if (json) await WriteJsonAsync(entries, output);
        else await WriteTextAsync(entries, output);
        return 0;
    }

    /// <summary>
    /// One JSON array, written in 64 KB chunks (constant memory, not one console write per entry) with a
    /// <see cref="Utf8JsonWriter"/>: serialising an object per entry cost more than reading 83k entries.
    /// </summary>
    private static async Task WriteJsonAsync(IAsyncEnumerable<Realisasi> entries, TextWriter output)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes * 2);
        await using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Options.Encoder });
        writer.WriteStartArray();
        await foreach (var e in entries)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", e.Id);
            writer.WriteString("jabatan", e.Jabatan);
            writer.WriteNumber("no", e.IndikatorNo);
            writer.WriteString("indikator", e.IndikatorTeks);
            writer.WriteString("periode", e.Periode);
            writer.WriteNumber("value", e.Nilai);
            writer.WriteString("jenis", e.Jenis.ToString().ToLowerInvariant());
            writer.WriteNumber("penggunaId", e.PenggunaId);
            writer.WriteString("waktu", e.DibuatPada);
            writer.WriteString("messageId", e.MessageId);
            writer.WriteEndObject();
            if (writer.BytesPending + buffer.WrittenCount > ChunkBytes) Flush(writer, buffer, output);
        }
        writer.WriteEndArray();
        Flush(writer, buffer, output);
        output.WriteLine();
    }

    private static void Flush(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, TextWriter output)
    {
        writer.Flush();
        if (StandardOutput.Utf8BytesOf(output) is { } bytes) bytes.Write(buffer.WrittenSpan);
        else output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        buffer.ResetWrittenCount();
    }

    private static async Task WriteTextAsync(IAsyncEnumerable<Realisasi> entries, TextWriter output)
    {
        var chunk = new StringBuilder();
        await foreach (var e in entries)
        {
            chunk.Append(e.Periode).Append('\t').Append(e.Jabatan).Append('\t').Append(e.IndikatorNo).Append(". ")
                .Append(e.IndikatorTeks).Append('\t').Append(e.Nilai).AppendLine();
            if (chunk.Length > ChunkBytes) { output.Write(chunk); chunk.Clear(); }
        }
        output.Write(chunk);
    }
}
