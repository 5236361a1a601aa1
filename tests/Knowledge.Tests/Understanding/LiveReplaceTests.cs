using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Understanding;

namespace IkiBot.Knowledge.Tests.Understanding;

/// <summary>A new version swapped in while questions are being answered: every answer is wholly old or wholly new, none fails.</summary>
public class LiveReplaceTests
{
    private static KnowledgeBase WithTugas(KnowledgeBase kb, string tugas) => new(
        kb.Jabatan.Select(j => j.Nama == "BENDAHARA" ? j with { Tugas = [tugas] } : j).ToList(), []);

    [Fact]
    public async Task Questions_during_rebuilds_get_the_old_or_the_new_version_never_an_error()
    {
        var bundled = BundledDocument.Load();
        using var knowledge = new IkiKnowledge(WithTugas(bundled, "Versi nol"));
        using var stop = new CancellationTokenSource();
        var answers = new System.Collections.Concurrent.ConcurrentBag<string>();
        var askers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested) answers.Add(knowledge.AskAbout(Intent.Tugas, "bendahara").Answer.Text);
        })).ToList();
        // On a busy machine the askers may start late: swap only once they are asking, so the swaps meet questions.
        SpinWait.SpinUntil(() => answers.Count >= 3, TimeSpan.FromSeconds(30));
        for (var v = 1; v <= 5; v++) knowledge.Replace(WithTugas(bundled, $"Versi {v}"));
        stop.Cancel();
        await Task.WhenAll(askers);

        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.Single(Enumerable.Range(0, 6), v => a.Contains($"Versi {(v == 0 ? "nol" : v.ToString())}")));
        Assert.Contains("Versi 5", knowledge.AskAbout(Intent.Tugas, "bendahara").Answer.Text);
        Assert.Equal(5, knowledge.Version);
    }

    [Fact]
    public void The_list_of_jabatan_follows_the_new_version()
    {
        var bundled = BundledDocument.Load();
        using var knowledge = new IkiKnowledge(bundled);
        Assert.Contains("BENDAHARA", knowledge.Ask("daftar jabatan").Answer.Text);

        knowledge.Replace(new KnowledgeBase(bundled.Jabatan.Select(j => j.Nama == "BENDAHARA" ? j with { Nama = "BENDAHARA PENGELUARAN" } : j).ToList(), []));

        var list = knowledge.Ask("daftar jabatan").Answer.Text;
        Assert.Contains("BENDAHARA PENGELUARAN", list);
        Assert.DoesNotContain(list.Split('\n'), line => line.TrimStart('•', '–', ' ') == "BENDAHARA");
    }
}
