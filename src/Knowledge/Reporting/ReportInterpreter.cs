using System.Collections.Concurrent;
using IkiBot.Knowledge.Model;

namespace IkiBot.Knowledge.Reporting;

/// <summary>
/// Reads one report message ("pencaker dilayani 25") for the reporter's jabatan: which row of that jabatan's
/// indicator table it is about, the value, and the month. A number stored on the wrong row is the worst outcome,
/// so anything unsure becomes a question (Clarify) or a refusal (Reject) that stores nothing.
/// </summary>
public sealed class ReportInterpreter
{
    public const int MaxTextLength = 500;

    // Coverage = weighted share of the message's words found in a row. On the dev reports the meant row holds
    // 0.79 or more, while the best row for another jabatan's topic holds 0.13 or less; the thresholds sit between,
    // leaning to "ask": 0.5..0.75 asks even with one candidate, and so does a row that lacks a distinctive word
    // of the message. Rows within Tie of the best are offered together.
    private const double FitsAtAll = 0.5;
    private const double ClearFit = 0.75;
    private const double Tie = 0.1;
    private const double ClearlyOtherJabatan = 0.8;
    private const int MaxChoices = 5;
    private const int ExampleValue = 5;

    private readonly IkiKnowledge _knowledge;
    private readonly ReportOptions _options;
    private Built? _built;

    // What is built from one knowledge version; rebuilt when an admin's edit swapped in a new one.
    private sealed record Built(int Version, KnowledgeBase Kb, RowMatcher Matcher, ConcurrentDictionary<string, IReadOnlyList<Example>> Examples);

    public ReportInterpreter(IkiKnowledge knowledge, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        _knowledge = knowledge;
        _options = options ?? new ReportOptions();
    }

    private static Built BuildFor(IkiKnowledge.Snapshot s) =>
        new(s.Version, s.Kb, new RowMatcher(s.Index, s.Questions.Reader), new(StringComparer.OrdinalIgnoreCase));

    private Built Current
    {
        get
        {
            // Built on first use, so verbs that never read a report do not build the index.
            var built = Volatile.Read(ref _built);
            var snapshot = _knowledge.Current;
            if (built is not null && built.Version == snapshot.Version) return built;
            built = BuildFor(snapshot);
            Volatile.Write(ref _built, built);
            return built;
        }
    }

    private KnowledgeBase _kb => Current.Kb;
    private RowMatcher _matcher => Current.Matcher;
    private ConcurrentDictionary<string, IReadOnlyList<Example>> _examples => Current.Examples;

    public ReportOptions Options => _options;

    public ReportDecision Interpret(string jabatan, string text, DateTimeOffset now)
    {
        var current = Periode.Of(now);
        var j = _kb.Find(TextNormalizer.Collapse(jabatan));
        text ??= "";

        if (string.IsNullOrWhiteSpace(text))
            return Reject(current, $"Pesannya kosong. Tulis indikator dan angkanya dalam satu pesan.{ExamplesFor(j)}");
        if (text.Length > MaxTextLength)
            return Reject(current, $"Pesannya terlalu panjang (lebih dari {MaxTextLength} karakter). Kirim satu laporan singkat per pesan.{ExamplesFor(j)}");
        if (!text.Any(char.IsLetterOrDigit))
            return Reject(current, $"Saya tidak menemukan laporan di pesan itu. Tulis indikator dan angkanya.{ExamplesFor(j)}");
        if (j is null)
            return Reject(current, UnknownJabatan(jabatan));
        if (j.Indikator.All(r => r.TidakTerukur))
            return Reject(current,
                $"Semua indikator jabatan {j.Nama} di dokumen IKI tertulis NIHIL/kosong, jadi belum ada yang bisa dilaporkan. " +
                "Bila jabatan Anda salah tercatat, minta admin memperbaikinya.");

        var reading = ReportTextReader.Read(text);
        var match = Match(j, reading);
        var value = ReadValue(reading, match, j);
        if (value.Problem is not null) return Reject(current, value.Problem, value.Value);

        var period = ReadPeriod(reading, now, current);
        if (period.Problem is not null)
            return Reject(period.Periode ?? current, period.Problem + ExamplesFor(j, match.Row is { } row ? [row] : match.Candidates), value.Value);
        var p = period.Periode!;

        return match.Kind switch
        {
            MatchKind.Ok => new ReportDecision(ReportStatus.Ok, match.Row, [match.Row!], value.Value, p, period.Note ?? ""),
            MatchKind.Clarify => new ReportDecision(ReportStatus.Clarify, null, match.Candidates, value.Value, p,
                ClarifyQuestion(match.Candidates, value.Value!.Value, p, period.Note)),
            _ => Reject(p, NoMatchMessage(j, match, text), value.Value),
        };
    }

    private static ReportDecision Reject(Periode p, string message, int? value = null) =>
        new(ReportStatus.Reject, null, [], value, p, message);

    // ---- the row ----

    private enum MatchKind { NoTopic, NoFit, Nihil, Vague, Clarify, Ok }

    private sealed record MatchResult(MatchKind Kind, Indikator? Row, IReadOnlyList<Indikator> Candidates, string? OtherJabatan = null);

    private MatchResult Match(Jabatan j, ReportText reading)
    {
        var concepts = _matcher.ConceptsOf(reading.Content, reading.Units);
        if (concepts.All(c => c.IsUnit)) return new MatchResult(MatchKind.NoTopic, null, []);
        var scores = _matcher.Score(_matcher.RowsOf(j), concepts)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Row.No).ToList();
        var best = scores[0];
        if (best.Coverage < FitsAtAll)
            return new MatchResult(MatchKind.NoFit, null, [], OtherJabatanFor(j, concepts, best.Coverage));

        var close = scores.Where(s => s.Coverage >= FitsAtAll && s.Score >= best.Score - Tie).ToList();
        // Rows with the same indicator text (told apart only by program) stay in the choice unless the message
        // has a clear word of the chosen row's program that the other row does not have at all.
        foreach (var chosen in close.ToList())
        {
            var text = _matcher.TwinKey(TermsOf(j, chosen.Row));
            foreach (var twin in scores.Where(s => !close.Contains(s) && s.Coverage >= FitsAtAll && _matcher.TwinKey(TermsOf(j, s.Row)) == text))
                if (!_matcher.TellsApart(concepts, TermsOf(j, chosen.Row), TermsOf(j, twin.Row)))
                    close.Add(twin);
        }
        var measurable = close.Where(s => !s.Row.TidakTerukur).Select(s => s.Row).OrderBy(r => r.No).ToList();
        if (measurable.Count == 0) return new MatchResult(MatchKind.Nihil, best.Row, []);
        // One row holds the message clearly, or holds every word of it (most in its program) with no other row near.
        if (close.Count == 1 && (best.Coverage >= ClearFit || best.AllFound) && !best.MissesClearWord)
            return new MatchResult(MatchKind.Ok, best.Row, [best.Row]);
        if (measurable.Count > MaxChoices) return new MatchResult(MatchKind.Vague, null, measurable);
        return new MatchResult(MatchKind.Clarify, null, measurable);
    }

    private RowMatcher.RowTerms TermsOf(Jabatan j, Indikator row) => _matcher.RowsOf(j).First(r => r.Row == row);

    /// <summary>
    /// Rows of a jabatan whose indicator texts say the same thing (same words after stemming, "yang" and "jumlah"
    /// aside), found from the document: a report that fits one of them is asked back with all of them.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Indikator>> TwinGroups(string jabatan)
    {
        var j = _kb.Find(jabatan);
        if (j is null) return [];
        return _matcher.RowsOf(j).Where(r => !r.Row.TidakTerukur)
            .GroupBy(_matcher.TwinKey).Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<Indikator>)g.Select(r => r.Row).ToList()).ToList();
    }

    /// <summary>When the words fit nothing here but clearly fit another jabatan's row, say whose it is.</summary>
    private string? OtherJabatanFor(Jabatan own, IReadOnlyList<Concept> concepts, double ownCoverage)
    {
        string? other = null;
        var bestCoverage = Math.Max(ClearlyOtherJabatan, ownCoverage);
        var total = RowMatcher.TotalWeight(concepts);
        foreach (var (nama, row) in _matcher.AllRows)
        {
            if (nama == own.Nama || row.Row.TidakTerukur) continue;
            var coverage = _matcher.Coverage(row, concepts, total);
            if (coverage > bestCoverage) (bestCoverage, other) = (coverage, nama);
        }
        return other;
    }

    // ---- the value ----

    private sealed record ValueResult(int? Value, string? Problem);

    private ValueResult ReadValue(ReportText reading, MatchResult match, Jabatan j)
    {
        string examples() => ExamplesFor(j, match.Row is { } row ? [row] : match.Candidates);
        var values = reading.Values;
        if (values.Count == 0)
        {
            if (reading.DaysOrValues.Count > 0)
                return new(null, $"Angka {reading.DaysOrValues[0].Text} menempel pada nama bulan, jadi saya baca sebagai tanggal. " +
                                 $"Tulis jumlahnya terpisah dari tanggal.{examples()}");
            if (reading.NotValues.Count > 0)
                return new(null, $"Angka jumlahnya belum ada ({string.Join("; ", reading.NotValues)}, bukan jumlah). " +
                                 $"Tulis juga satu angka jumlahnya.{examples()}");
            return new(null, $"Angkanya belum ada. Tulis indikator dan satu angka jumlahnya.{examples()}");
        }
        var malformed = values.FirstOrDefault(v => v.Problem == NumberProblem.Malformed);
        if (malformed is not null)
            return new(null, $"\"{malformed.Text}\" bukan satu bilangan yang jelas. Tulis jumlahnya dengan angka, mis. 20.{examples()}");
        var huge = values.FirstOrDefault(v => v.Problem == NumberProblem.Huge);
        if (huge is not null)
            return new(null, $"Angka {Shorten(huge.Text)} terlalu besar (paling banyak {Format(_options.MaxValue)} per laporan); mungkin salah ketik?{examples()}");
        if (reading.AmbiguousMonthsAgo is { } ago && values.Count == 1)
            return new(null, $"\"{ago}\" bisa berarti jumlah {values[0].Text} untuk bulan lalu, atau periode {values[0].Text} bulan yang lalu. " +
                             $"Tulis ulang dengan jelas, mis. \"... {values[0].Text} untuk bulan lalu\" atau \"... 5 periode agustus\".{examples()}");
        var negative = values.FirstOrDefault(v => v.Problem == NumberProblem.Negative);
        if (negative is not null)
            return new(Clamp(negative.Value), $"Angka {negative.Text} negatif; realisasi harus 0 atau lebih dan tidak bisa dikurangi lewat pesan.{examples()}");
        var fraction = values.FirstOrDefault(v => v.Problem == NumberProblem.Fraction);
        if (fraction is not null)
            return new(null, $"Angka {fraction.Text} bukan bilangan bulat; realisasi dicatat sebagai jumlah bulat (ribuan ditulis 1.250).{examples()}");
        var percent = values.FirstOrDefault(v => v.Problem == NumberProblem.Percent);
        if (percent is not null)
            return new(null, $"Realisasi dicatat sebagai jumlah, bukan persen ({percent.Text}%).{examples()}");
        var distinct = values.Select(v => v.Value).Distinct().ToList();
        if (distinct.Count > 1)
            return new(null, $"Ada lebih dari satu angka ({string.Join(", ", values.Select(v => v.Text))}), jadi saya tidak tahu mana jumlahnya. " +
                             $"Kirim satu angka untuk satu indikator per pesan.{examples()}");
        var v = distinct[0]!.Value;
        if (v > _options.MaxValue)
            return new(Clamp(v), $"Angka {Format(v)} terlalu besar (paling banyak {Format(_options.MaxValue)} per laporan); mungkin salah ketik?{examples()}");
        return new((int)v, null);
    }

    private static string Shorten(string s) => s.Length > 15 ? s[..12] + "..." : s;

    private static int? Clamp(long? v) => v is null ? null : (int)Math.Clamp(v.Value, int.MinValue, int.MaxValue);

    private static string Format(long v) => v.ToString("N0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '.');

    // ---- the period ----

    private sealed record PeriodResult(Periode? Periode, string? Problem, string? Note = null);

    private PeriodResult ReadPeriod(ReportText reading, DateTimeOffset now, Periode current)
    {
        var resolved = new List<(Periode P, string Text, string? Note)>();
        // A day of the month says which month only when nothing else does; it outranks "kemarin" ("tgl 25 kemarin").
        var day = reading.Periods.FirstOrDefault(m => m.Kind == PeriodKind.DayOfMonth);
        var named = reading.Periods.Any(m => m.Kind is PeriodKind.Month or PeriodKind.MonthsFromNow or PeriodKind.Quarter or PeriodKind.Unsupported);
        foreach (var m in reading.Periods)
        {
            if (m.Kind == PeriodKind.DaysFromNow && day is not null && !named) continue;
            switch (m.Kind)
            {
                case PeriodKind.Unsupported:
                    return new(null, $"Periode \"{m.Text}\" tidak bisa dipakai: laporan dicatat per bulan. Sebutkan bulannya (mis. \"okt\", \"bulan lalu\") atau triwulan I–IV.");
                case PeriodKind.MonthsFromNow:
                    resolved.Add((current.AddMonths(m.Number), m.Text, null));
                    break;
                case PeriodKind.DaysFromNow:
                    resolved.Add((Periode.Of(now.AddDays(m.Number)), m.Text, null));
                    break;
                case PeriodKind.DayOfMonth when !named:
                    // Today the 2nd, "tgl 25" is the 25th of last month: this month's has not come yet.
                    resolved.Add((m.Number > JakartaTime.From(now).Day ? current.AddMonths(-1) : current, m.Text, null));
                    break;
                case PeriodKind.Month:
                    {
                        var year = m.Year switch
                        {
                            null => m.Number <= current.Bulan ? current.Tahun : current.Tahun - 1, // the latest such month
                            -1 => current.Tahun - 1,
                            0 => current.Tahun,
                            _ => m.Year.Value,
                        };
                        resolved.Add((new Periode(year, m.Number), m.Text, null));
                        break;
                    }
                case PeriodKind.Quarter:
                    resolved.Add(Quarter(m, current));
                    break;
            }
        }
        var distinct = resolved.Select(r => r.P).Distinct().ToList();
        if (distinct.Count > 1)
            return new(null, $"Periodenya lebih dari satu ({string.Join(", ", distinct.Select(p => p.Label))}). Sebutkan satu bulan saja.");
        if (distinct.Count == 0) return new(current, null);
        var p = distinct[0];
        var oldest = current.AddMonths(-_options.ClosedAfterMonths);
        // A refused period is still returned, so the result names the period the text named.
        if (p.MonthsSince(current) > 0)
            return new(p, $"Periode {p.Label} belum berjalan; laporan hanya bisa untuk bulan ini ({current.Label}) atau bulan yang masih dibuka (sejak {oldest.Label}).");
        if (current.MonthsSince(p) > _options.ClosedAfterMonths)
            return new(p, $"Periode {p.Label} sudah ditutup; laporan hanya bisa untuk {oldest.Label} sampai {current.Label}.");
        return new(p, null, resolved.Select(r => r.Note).FirstOrDefault(n => n is not null));
    }

    /// <summary>
    /// A quarter is booked on one month, because realisations are stored per month. Choice: a finished quarter
    /// goes on its last month (TW III → September), which the caller is told in the message; the quarter now
    /// running goes on the current month, since its last month has not begun and future months are refused;
    /// a quarter wholly in the future is refused. Without a year, the latest quarter that has begun is meant.
    /// </summary>
    private static (Periode P, string Text, string? Note) Quarter(PeriodMention m, Periode current)
    {
        var q = m.Number;
        var year = m.Year switch
        {
            null => (q - 1) * 3 + 1 <= current.Bulan ? current.Tahun : current.Tahun - 1,
            -1 => current.Tahun - 1,
            0 => current.Tahun,
            _ => m.Year.Value,
        };
        var first = new Periode(year, (q - 1) * 3 + 1);
        var last = new Periode(year, q * 3);
        var roman = new[] { "I", "II", "III", "IV" }[q - 1];
        if (first.MonthsSince(current) > 0) return (first, m.Text, null); // refused as future by the caller
        if (last.MonthsSince(current) >= 0)
            return (current, m.Text, $"Triwulan {roman} {year} masih berjalan, jadi dicatat pada periode bulan ini ({current.Label}).");
        return (last, m.Text, $"Triwulan {roman} {year} dicatat pada periode {last.Label} (bulan terakhir triwulan itu).");
    }

    // ---- messages ----

    private static string ClarifyQuestion(IReadOnlyList<Indikator> rows, int value, Periode p, string? note)
    {
        var lines = new List<string>
        {
            rows.Count == 1
                ? $"Angka {value} ({p.Label}) untuk indikator ini?"
                : $"Angka {value} ({p.Label}) untuk indikator yang mana?",
        };
        foreach (var r in rows)
        {
            var uraian = Clean(r.Uraian);
            var twin = rows.Any(o => o != r && Clean(o.Uraian).Equals(uraian, StringComparison.OrdinalIgnoreCase));
            lines.Add(twin || rows.Count == 1 || uraian.Length == 0 ? $"{r.No}. {uraian} ({Clean(r.Program)})" : $"{r.No}. {uraian}");
        }
        lines.Add(rows.Count == 1 ? "Balas dengan nomor indikatornya bila benar." : "Balas dengan nomor indikatornya.");
        if (note is not null) lines.Add(note);
        return string.Join('\n', lines);
    }

    private string NoMatchMessage(Jabatan j, MatchResult match, string text)
    {
        var said = TextNormalizer.Collapse(text);
        if (said.Length > 60) said = said[..57] + "...";
        return match.Kind switch
        {
            MatchKind.NoTopic => $"Indikatornya belum disebut: angka itu untuk apa?{ExamplesFor(j)}",
            MatchKind.Nihil =>
                $"Indikator no. {match.Row!.No} ({Clean(match.Row.Program)}) tertulis NIHIL/kosong di dokumen IKI, jadi tidak ada yang dihitung.{ExamplesFor(j)}",
            MatchKind.Vague =>
                $"\"{said}\" cocok dengan terlalu banyak indikator ({match.Candidates.Count}). Sebutkan indikatornya lebih jelas.{ExamplesFor(j)}",
            _ => $"\"{said}\" tidak cocok dengan indikator jabatan {j.Nama}." +
                 (match.OtherJabatan is not null ? $" Sepertinya itu indikator {match.OtherJabatan}." : "") +
                 ExamplesFor(j),
        };
    }

    private string UnknownJabatan(string jabatan)
    {
        var names = _knowledge.Questions.Names.Rank(_knowledge.Questions.Reader.Read(jabatan))
            .Where(r => r.Score >= 0.3).Select(r => r.Nama).Take(3).ToList();
        if (names.Count == 0) names = _kb.Jabatan.Select(x => x.Nama).Take(3).ToList();
        return $"Jabatan \"{TextNormalizer.Collapse(jabatan)}\" tidak ada di dokumen IKI, jadi laporan belum bisa dicatat. " +
               $"Minta admin mengatur jabatan Anda ke salah satu nama resmi (mis. {string.Join(", ", names)}).";
    }

    /// <summary>Up to three lines "contoh: ..." of what this jabatan can report; the row the message seemed to mean comes first.</summary>
    private string ExamplesFor(Jabatan? j, IReadOnlyList<Indikator>? first = null)
    {
        if (j is null) return "";
        var all = _examples.GetOrAdd(j.Nama, _ => BuildExamples(j));
        if (all.Count == 0) return "";
        first ??= [];
        var chosen = all.Where(e => first.Contains(e.Row)).Concat(all.Where(e => !first.Contains(e.Row))).Take(3);
        return "\nYang bisa dilaporkan:\n" + string.Join('\n', chosen.Select(e => $"contoh: {e.Text} {ExampleValue}"));
    }

    private sealed record Example(Indikator Row, string Text);

    /// <summary>For each countable row, the shortest phrasing that this interpreter itself reads as exactly that row.</summary>
    private List<Example> BuildExamples(Jabatan j)
    {
        var examples = new List<Example>();
        foreach (var row in j.Indikator.Where(r => !r.TidakTerukur))
        {
            var uraian = Clean(row.Uraian);
            if (uraian.StartsWith("jumlah ", StringComparison.OrdinalIgnoreCase)) uraian = uraian[7..];
            uraian = uraian.ToLowerInvariant();
            // The program's nouns, without its verbs ("membuat", "melakukan"): "laporan tribulan".
            var program = Clean(row.Program).ToLowerInvariant()
                .Split([' ', '/', ',', ';', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.All(char.IsLetter) && !IsVerb(w) && !Language.Glossary.StopWords.Contains(w)).ToList();
            var tries = new List<string> { uraian };
            for (var n = 2; n <= Math.Min(6, program.Count); n++) tries.Add($"{uraian} untuk {string.Join(' ', program.Take(n))}");
            for (var n = 2; n <= Math.Min(6, program.Count); n++) tries.Add($"{string.Join(' ', program.Take(n))}, {uraian}");
            // The user swaps in their own number, so the phrase must hold for small ones too ("tribulan 3" is a quarter).
            var chosen = tries.FirstOrDefault(t => ReadsAs(j, row, $"{t} {ExampleValue}") && ReadsAs(j, row, $"{t} 3"));
            if (chosen is not null) examples.Add(new Example(row, chosen));
        }
        // Prefer the short ones: they read best in a chat.
        return examples.OrderBy(e => e.Text.Length > 45).ThenBy(e => e.Row.No).ToList();
    }

    private bool ReadsAs(Jabatan j, Indikator row, string text)
    {
        var reading = ReportTextReader.Read(text);
        var m = Match(j, reading);
        return m.Kind == MatchKind.Ok && m.Row == row && reading.Values.Count == 1 && reading.Periods.Count == 0;
    }

    private static bool IsVerb(string w) =>
        w.Length > 5 && (w.StartsWith("mem") || w.StartsWith("men") || w.StartsWith("mel") || w.StartsWith("mer") || w.StartsWith("mew"));

    private static string Clean(string s) =>
        TextNormalizer.Collapse(s).TrimStart('-', ' ', ':').TrimEnd(';', '.', ' ', ',');
}
