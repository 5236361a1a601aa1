using IkiBot.Knowledge;
using IkiBot.Knowledge.Understanding;

namespace IkiBot.Bot.Cli;

/// <summary>`ask "question"`: prints the answer; with --json one object, and with no question one per stdin line.</summary>
public static class AskCommand
{
    /// <param name="Note">Set when the question was cut to <see cref="MaxLength"/> characters.</param>
    public sealed record AskResult(string Intent, IReadOnlyList<string> Jabatan, string Answer,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Note = null);

    /// <summary>Like the chat: a question is read up to 2,000 characters.</summary>
    public const int MaxLength = Conversation.ConversationEngine.MaxMessageLength;

    public static AskResult Run(IkiKnowledge knowledge, string? question)
    {
        question = question is null ? null : InputLines.Clean(question);
        string? note = null;
        if (question is { Length: > MaxLength })
        {
            note = $"Pertanyaan dipotong: hanya {Thousands(MaxLength)} karakter pertama dari {Thousands(question.Length)} yang dibaca.";
            question = question[..MaxLength];
            if (char.IsHighSurrogate(question[^1])) question = question[..^1];
        }
        var (interpretation, answer) = knowledge.Ask(question);
        var jabatan = interpretation.Intent == Intent.Daftar ? [] : interpretation.Jabatan.Select(j => j.Nama).ToList();
        return new AskResult(interpretation.Intent.Code(), jabatan, answer.Text, note);
    }

    private static string Thousands(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '.');

    public static int Execute(IkiKnowledge knowledge, string? question, bool json, TextReader input, TextWriter output)
    {
        if (question is not null && question.StartsWith("--"))
            throw new UsageException($"Opsi tidak dikenal: {question}");
        if (question is not null)
        {
            var result = Run(knowledge, question);
            // The terminal shows no *bold* markers; JSON keeps the text as the channels get it.
            var shown = Channels.Console.ConsoleChat.Render(new Conversation.Reply(result.Answer));
            output.WriteLine(json ? Json.Write(result) : result.Note is null ? shown : $"({result.Note})\n{shown}");
            return 0;
        }
        if (!json) throw new UsageException("Tulis pertanyaannya: ask \"tugas kasi PHI\" (atau --json dengan satu pertanyaan per baris di stdin).");
        foreach (var line in InputLines.Read(input))
            output.WriteLine(Json.Write(RunLine(knowledge, line)));
        return 0;
    }

    /// <summary>One line of an ask --json batch: always one result, so the output stays line for line with the input.</summary>
    private static AskResult RunLine(IkiKnowledge knowledge, string line)
    {
        try
        {
            return Run(knowledge, line);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"ask --json: baris gagal diproses ({e.GetType().Name}: {e.Message})");
            return new AskResult("galat", [], "Maaf, pertanyaan ini tidak dapat diproses.");
        }
    }
}
