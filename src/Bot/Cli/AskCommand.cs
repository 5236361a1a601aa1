using IkiBot.Knowledge;
using IkiBot.Knowledge.Understanding;

namespace IkiBot.Bot.Cli;

/// <summary>`ask "question"`: prints the answer; with --json one object, and with no question one per stdin line.</summary>
public static class AskCommand
{
    public sealed record AskResult(string Intent, IReadOnlyList<string> Jabatan, string Answer);

    public static AskResult Run(IkiKnowledge knowledge, string? question)
    {
        var (interpretation, answer) = knowledge.Ask(question);
        var jabatan = interpretation.Intent == Intent.Daftar ? [] : interpretation.Jabatan.Select(j => j.Nama).ToList();
        return new AskResult(interpretation.Intent.Code(), jabatan, answer.Text);
    }

    public static int Execute(IkiKnowledge knowledge, string? question, bool json, TextReader input, TextWriter output)
    {
        if (question is not null && question.StartsWith("--"))
            throw new UsageException($"Opsi tidak dikenal: {question}");
        if (question is not null)
        {
            var result = Run(knowledge, question);
            // The terminal shows no *bold* markers; JSON keeps the text as the channels get it.
            output.WriteLine(json ? Json.Write(result) : Channels.Console.ConsoleChat.Render(new Conversation.Reply(result.Answer)));
            return 0;
        }
        if (!json) throw new UsageException("Tulis pertanyaannya: ask \"tugas kasi PHI\" (atau --json dengan satu pertanyaan per baris di stdin).");
        string? line;
        while ((line = input.ReadLine()) is not null)
            output.WriteLine(Json.Write(Run(knowledge, line)));
        return 0;
    }
}
