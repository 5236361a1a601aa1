using System.Text.Json;

namespace IkiBot.Bot.Tests.Cli;

[CollectionDefinition("console", DisableParallelization = true)]
public class ConsoleCollection;

/// <summary>The command-line contract scripts and later issues rely on, through Program.Main.</summary>
[Collection("console")]
public class CliContractTests
{
    private static (int Code, string Out, string Err) Run(string stdin, params string[] args) => ProgramRun.WithInput(stdin, args);

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("ask", "--bogus")]
    [InlineData("kb", "--nope")]
    public void Unknown_verbs_and_flags_exit_2_with_usage_on_stderr(params string[] args)
    {
        var (code, _, err) = Run("", args);
        Assert.Equal(2, code);
        Assert.Contains("Pemakaian", err);
    }

    [Fact]
    public void Ask_json_prints_intent_jabatan_and_answer()
    {
        var (code, output, _) = Run("", "ask", "--json", "Kasubbag Keuangan tugasnya apa aja");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("tugas", json.GetProperty("intent").GetString());
        Assert.Equal(["KEPALA SUB BAGIAN KEUANGAN"], json.GetProperty("jabatan").EnumerateArray().Select(j => j.GetString()));
        Assert.Contains("Melaksanakan pentatausahaan keuangan.", json.GetProperty("answer").GetString());
    }

    [Fact]
    public void Ask_json_reads_one_question_per_line_and_answers_in_order()
    {
        var (code, output, _) = Run("fungsi bendahara\ndaftar jabatan\n*:* AND (\nindikator kadis\n", "ask", "--json");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["fungsi", "daftar", "unknown", "indikator"], lines.Select(l => l.GetProperty("intent").GetString()));
        Assert.Equal("KEPALA DINAS", lines[3].GetProperty("jabatan")[0].GetString());
    }

    [Fact]
    public void Kb_json_holds_the_whole_document_and_an_empty_report()
    {
        var (code, output, _) = Run("", "kb", "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        var jabatan = json.GetProperty("jabatan").EnumerateArray().ToList();
        Assert.Equal(27, jabatan.Count);
        Assert.Equal(213, jabatan.Sum(j => j.GetProperty("indikator").GetArrayLength()));
        var row = jabatan.Single(j => j.GetProperty("nama").GetString() == "BENDAHARA").GetProperty("indikator")[1];
        Assert.Equal(2, row.GetProperty("no").GetInt32());
        Assert.Equal("Jumlah SP2D yang dibuat", row.GetProperty("indikator").GetString());
        Assert.Equal(0, json.GetProperty("report").GetArrayLength());
    }

    [Fact]
    public void Kb_option_loads_another_document()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "1. Jabatan : KEPALA CONTOH\n2. Tugas : Mengerjakan contoh.\n3. Fungsi :\n");
        try
        {
            var (code, output, _) = Run("", "ask", "--json", "--kb", path, "tugas kepala contoh");
            Assert.Equal(0, code);
            Assert.Equal("KEPALA CONTOH", JsonDocument.Parse(output).RootElement.GetProperty("jabatan")[0].GetString());
        }
        finally { File.Delete(path); }
    }
}
