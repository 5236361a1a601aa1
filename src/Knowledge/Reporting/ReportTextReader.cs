using System.Globalization;
using System.Text.RegularExpressions;

namespace IkiBot.Knowledge.Reporting;

/// <summary>
/// Splits a report message into the value candidates, the period words and the words that say what was done.
/// Numbers that are not a count are taken out here: digits inside codes (SP2D, K3, AK1, P2T), quarters (TW II,
/// triwulan 3), months ("bulan 11", "10/2026"), years ("2024", "thn 2024"), dates, times, durations ("3 hari").
/// </summary>
internal static partial class ReportTextReader
{
    private enum Kind { Word, Number, Punct }

    private sealed class Item(Kind kind, string text, int start, int end)
    {
        public Kind Kind { get; } = kind;
        public string Text { get; } = text;
        public int Start { get; } = start;
        public int End { get; } = end;
        public long? Value { get; set; }
        public bool Fraction { get; set; }
        public bool FromWords { get; set; }
        public bool Malformed { get; set; }
        public bool Huge { get; set; }
        public bool PlainDigits { get; set; }
        public bool Used { get; set; }
        public bool IsUnit { get; set; }
        public bool IsWord(string w) => Kind == Kind.Word && Text == w;
        public bool IsPunct(char c) => Kind == Kind.Punct && Text[0] == c;
        public bool IsWholeNumber => Kind == Kind.Number && Value is not null && !Fraction;
    }

    [GeneratedRegex(@"(?<n>[0-9]+(?:[.,][0-9]+)*)(?![\p{L}\p{N}])|(?<w>[\p{L}\p{N}]+)|(?<p>\S)")]
    private static partial Regex Lexer();

    [GeneratedRegex(@"^[0-9]{1,3}(?:\.[0-9]{3})+$")]
    private static partial Regex ThousandsGrouped();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})\.(?<m>[0-9]{1,2})\.(?<y>[0-9]{2}|[0-9]{4})$")]
    private static partial Regex DottedDate();

    [GeneratedRegex(@"^(?<n>[0-9]+)(?<u>[a-z]+)$")]
    private static partial Regex NumberGluedToWord();

    [GeneratedRegex(@"^(?<q>tw|trw|twl|q|triwulan|tribulan)(?<n>[1-4])$")]
    private static partial Regex QuarterCode();

    private static readonly Dictionary<string, int> Digits = new()
    {
        ["nol"] = 0, ["satu"] = 1, ["dua"] = 2, ["tiga"] = 3, ["empat"] = 4, ["lima"] = 5,
        ["enam"] = 6, ["tujuh"] = 7, ["delapan"] = 8, ["sembilan"] = 9,
    };

    private static readonly HashSet<string> NumberWords =
        [.. Digits.Keys, "sepuluh", "sebelas", "belas", "puluh", "ratus", "seratus", "ribu", "seribu", "juta", "sejuta"];

    private static readonly HashSet<string> Multipliers = ["belas", "puluh", "ratus", "ribu", "juta"];

    private static readonly Dictionary<string, int> Months = new()
    {
        ["januari"] = 1, ["jan"] = 1, ["februari"] = 2, ["pebruari"] = 2, ["feb"] = 2, ["peb"] = 2,
        ["maret"] = 3, ["mar"] = 3, ["mrt"] = 3, ["april"] = 4, ["apr"] = 4, ["mei"] = 5,
        ["juni"] = 6, ["jun"] = 6, ["juli"] = 7, ["jul"] = 7,
        ["agustus"] = 8, ["agu"] = 8, ["agt"] = 8, ["ags"] = 8, ["agst"] = 8, ["agus"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["oktober"] = 10, ["okt"] = 10, ["oct"] = 10,
        ["november"] = 11, ["nov"] = 11, ["nopember"] = 11, ["nop"] = 11, ["desember"] = 12, ["des"] = 12, ["dec"] = 12,
    };

    private static readonly HashSet<string> QuarterWords = ["tw", "trw", "twl", "triwulan", "tribulan", "kuartal", "q"];
    private static readonly Dictionary<string, int> QuarterNumerals = new()
    {
        ["i"] = 1, ["ii"] = 2, ["iii"] = 3, ["iv"] = 4,
        ["pertama"] = 1, ["kesatu"] = 1, ["kedua"] = 2, ["ketiga"] = 3, ["keempat"] = 4,
    };

    private static readonly HashSet<string> MonthWords = ["bulan", "bln", "bl", "bulane"];
    private static readonly HashSet<string> YearWords = ["tahun", "thn", "th", "taun", "thun", "thaun"];
    private static readonly HashSet<string> DayWords = ["tanggal", "tgl", "tg", "tang"];
    private static readonly HashSet<string> ClockWords = ["jam", "pukul", "pkl"];
    private static readonly HashSet<string> ThisWords = ["ini", "sekarang", "skrg", "skr", "berjalan"];
    private static readonly HashSet<string> LastWords = ["lalu", "kemarin", "kemaren", "kmrn", "kmarin", "sebelumnya", "kmrin"];
    private static readonly HashSet<string> NextWords = ["depan", "besok", "mendatang"];
    private static readonly HashSet<string> YesterdayWords = ["kemarin", "kemaren", "kmrn", "kmarin", "kmrin"];
    private static readonly HashSet<string> DurationWords =
        ["hari", "hr", "minggu", "mgg", "pekan", "bulan", "bln", "tahun", "thn", "jam", "menit", "mnt", "detik"];
    private static readonly HashSet<string> PercentWords = ["persen", "prosen", "pct", "persentase"];
    // "2 puluh" is 20 as "2 ribu" is 2000 (read as 2 it stored a tenth of what was reported).
    private static readonly Dictionary<string, long> ScaleWords = new()
    {
        ["puluh"] = 10, ["ratus"] = 100,
        ["ribu"] = 1_000, ["rb"] = 1_000, ["rbu"] = 1_000, ["juta"] = 1_000_000, ["jt"] = 1_000_000, ["jta"] = 1_000_000,
    };

    /// <summary>
    /// Words that may follow the value as its unit ("25 org", "3 dok", "8 prsh"); they count only a little for a row.
    /// Nouns that name what is counted ("25 pencaker dilayani", "7 SPJ") are not units: they stay full evidence.
    /// </summary>
    public static readonly HashSet<string> UnitWords =
    [
        "orang", "org", "or", "jiwa", "peserta", "dok", "dokumen", "doc", "docs", "berkas", "lembar", "lbr", "eks", "eksemplar",
        "kali", "x", "kl", "buah", "bh", "biji", "prsh", "perush", "perusahaan", "pt", "lembaga", "data", "kasus",
        "unit", "item", "jenis", "paket", "set", "kegiatan", "keg", "titik", "lokasi", "naskah", "file",
    ];

    public static ReportText Read(string text)
    {
        var items = Lex(text.ToLowerInvariant());
        MergeNumberWords(items);
        var result = new ReportText();
        ReadDatesAndTimes(items, result);
        ReadPeriodWords(items, result);
        ReadNumbers(items, result);
        foreach (var item in items)
        {
            if (item.Used) continue;
            if (item.Kind == Kind.Word)
            {
                if (item.IsUnit) result.Units.Add(item.Text);
                else result.Content.Add(item.Text);
            }
            else if (item.IsPunct('&') || item.IsPunct('+')) result.Content.Add("dan");
        }
        return result;
    }

    private static List<Item> Lex(string text)
    {
        text = text.Replace('\u2212', '-').Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u00A0', ' ');
        var items = new List<Item>();
        foreach (Match m in Lexer().Matches(text))
        {
            if (m.Groups["n"].Success) items.Add(NumberItem(m.Value, m.Index, m.Index + m.Length));
            else if (m.Groups["w"].Success) SplitWord(items, m.Value, m.Index);
            else items.Add(new Item(Kind.Punct, m.Value, m.Index, m.Index + m.Length));
        }
        return items;
    }

    private static Item NumberItem(string text, int start, int end)
    {
        var item = new Item(Kind.Number, text, start, end);
        if (text.All(char.IsAsciiDigit))
        {
            item.PlainDigits = true;
            item.Value = text.Length > 12 ? long.MaxValue : long.Parse(text, CultureInfo.InvariantCulture);
            item.Huge = text.TrimStart('0').Length > 12;
        }
        else if (ThousandsGrouped().IsMatch(text))
        {
            var digits = text.Replace(".", "");
            item.Value = digits.Length > 12 ? long.MaxValue : long.Parse(digits, CultureInfo.InvariantCulture);
            item.Huge = digits.TrimStart('0').Length > 12;
        }
        else
        {
            item.Fraction = true;
        }
        return item;
    }

    /// <summary>"25org" is a number and a unit, "tw3" a quarter, "duapuluh" two number words; "sp2d" stays a code.</summary>
    private static void SplitWord(List<Item> items, string word, int start)
    {
        var end = start + word.Length;
        var glued = NumberGluedToWord().Match(word);
        if (glued.Success && (UnitWords.Contains(glued.Groups["u"].Value) || ScaleWords.ContainsKey(glued.Groups["u"].Value)))
        {
            var n = glued.Groups["n"].Value;
            items.Add(NumberItem(n, start, start + n.Length));
            items.Add(new Item(Kind.Word, glued.Groups["u"].Value, start + n.Length, end));
            return;
        }
        var quarter = QuarterCode().Match(word);
        if (quarter.Success)
        {
            var q = quarter.Groups["q"].Value;
            items.Add(new Item(Kind.Word, q, start, start + q.Length));
            items.Add(NumberItem(quarter.Groups["n"].Value, start + q.Length, end));
            return;
        }
        if (word.Length <= 30 && !NumberWords.Contains(word) && SplitNumberWords(word) is { Count: > 1 } parts)
        {
            foreach (var part in parts) items.Add(new Item(Kind.Word, part, start, end));
            return;
        }
        items.Add(new Item(Kind.Word, word, start, end));
    }

    private static readonly string[] SplitCandidates = [.. NumberWords.Append("se").OrderByDescending(w => w.Length)];

    /// <summary>"duapuluhlima" → dua puluh lima; null when the word is not made of number words only ("sedang").</summary>
    private static List<string>? SplitNumberWords(string word)
    {
        if (word.Length == 0) return [];
        foreach (var candidate in SplitCandidates)
        {
            if (!word.StartsWith(candidate, StringComparison.Ordinal)) continue;
            var rest = SplitNumberWords(word[candidate.Length..]);
            if (rest is null) continue;
            if (candidate == "se" && (rest.Count == 0 || !Multipliers.Contains(rest[0]))) continue; // "se" only before puluh/ratus/...
            return [candidate, .. rest];
        }
        return null;
    }

    /// <summary>Joins "dua puluh satu", "seratus dua puluh", "se-ratus" into one number.</summary>
    private static void MergeNumberWords(List<Item> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (!StartsNumberWords(items, i)) continue;
            long total = 0, group = 0;
            int? pending = null;
            long groupRoom = 1000, totalRoom = long.MaxValue; // each multiplier must be smaller than the one before it
            bool Fits(long scale, ref long room) { if (scale >= room) return false; room = scale; return true; }
            var j = i;
            var last = i;
            var ok = true;
            var malformed = false; // "dua puluh dua puluh": number words that do not make one number
            while (j < items.Count)
            {
                var it = items[j];
                if (it.IsPunct('-') && j + 1 < items.Count && IsNumberWordAt(items, j + 1)) { j++; continue; }
                if (it.Kind != Kind.Word) break;
                var w = it.Text;
                if (w == "se" && j + 1 < items.Count)
                {
                    var k = items[j + 1].IsPunct('-') ? j + 2 : j + 1;
                    if (k < items.Count && items[k].Kind == Kind.Word && Multipliers.Contains(items[k].Text) && pending is null)
                    {
                        pending = 1; last = j; j = k; continue;
                    }
                    break;
                }
                if (Digits.TryGetValue(w, out var d))
                {
                    if (pending is not null) break; // "dua tiga": two numbers
                    pending = d;
                }
                else if (w == "sepuluh") { if (pending is not null) break; if (!Fits(10, ref groupRoom)) { malformed = true; } group += 10; }
                else if (w == "sebelas") { if (pending is not null) break; if (!Fits(10, ref groupRoom)) { malformed = true; } group += 11; }
                else if (w == "seratus") { if (pending is not null) break; if (!Fits(100, ref groupRoom)) { malformed = true; } group += 100; }
                else if (w == "seribu") { if (pending is not null) break; if (!Fits(1000, ref totalRoom)) { malformed = true; } total += 1000; groupRoom = 1000; }
                else if (w == "sejuta") { if (pending is not null) break; if (!Fits(1_000_000, ref totalRoom)) { malformed = true; } total += 1_000_000; groupRoom = 1000; }
                else if (w == "belas") { if (pending is null) { ok = false; break; } if (!Fits(10, ref groupRoom)) { malformed = true; } group += pending.Value + 10; pending = null; }
                else if (w == "puluh") { if (pending is null) { ok = false; break; } if (!Fits(10, ref groupRoom)) { malformed = true; } group += pending.Value * 10; pending = null; }
                else if (w == "ratus") { if (pending is null) { ok = false; break; } if (!Fits(100, ref groupRoom)) { malformed = true; } group += pending.Value * 100; pending = null; }
                else if (w is "ribu" or "juta")
                {
                    var scale = w == "ribu" ? 1_000 : 1_000_000;
                    var amount = group + (pending ?? 0);
                    if (amount == 0) { ok = false; break; }
                    if (!Fits(scale, ref totalRoom)) malformed = true;
                    total += amount * scale; group = 0; pending = null; groupRoom = 1000;
                }
                else break;
                last = j;
                j++;
            }
            if (!ok || last < i) continue;
            var value = total + group + (pending ?? 0);
            var merged = new Item(Kind.Number, string.Join(' ', items.Skip(i).Take(last - i + 1).Select(x => x.Text)).Replace(" - ", "-"),
                items[i].Start, items[last].End) { Value = malformed ? null : value, FromWords = true, Malformed = malformed };
            items.RemoveRange(i, last - i + 1);
            items.Insert(i, merged);
        }
    }

    private static bool StartsNumberWords(List<Item> items, int i)
    {
        var it = items[i];
        if (it.Kind != Kind.Word) return false;
        if (it.Text == "se")
        {
            var k = i + 1 < items.Count && items[i + 1].IsPunct('-') ? i + 2 : i + 1;
            return k < items.Count && items[k].Kind == Kind.Word && Multipliers.Contains(items[k].Text);
        }
        return Digits.ContainsKey(it.Text) || it.Text is "sepuluh" or "sebelas" or "seratus" or "seribu" or "sejuta";
    }

    private static bool IsNumberWordAt(List<Item> items, int i) =>
        items[i].Kind == Kind.Word && (NumberWords.Contains(items[i].Text) || items[i].Text == "se");

    private static bool Adjacent(Item a, Item b) => a.End == b.Start;

    private static Item? At(List<Item> items, int i) => i >= 0 && i < items.Count ? items[i] : null;

    private static int? AsYear(Item? item, bool allowTwoDigits)
    {
        if (item is null || !item.IsWholeNumber || !item.PlainDigits || item.FromWords) return null;
        var v = item.Value!.Value;
        if (item.Text.Length == 4 && v is >= 1990 and <= 2100) return (int)v;
        if (allowTwoDigits && item.Text.Length == 2) return 2000 + (int)v;
        return null;
    }

    /// <summary>"10/2026", "2026-11", "27/11/2026", "27.11.2026", "27/11", "10:30".</summary>
    private static void ReadDatesAndTimes(List<Item> items, ReportText result)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var a = items[i];
            if (a.Kind != Kind.Number || a.Used || a.FromWords) continue;
            var dotted = DottedDate().Match(a.Text);
            if (dotted.Success)
            {
                var m = int.Parse(dotted.Groups["m"].Value, CultureInfo.InvariantCulture);
                var y = int.Parse(dotted.Groups["y"].Value, CultureInfo.InvariantCulture);
                if (m is >= 1 and <= 12)
                {
                    result.Periods.Add(new PeriodMention(PeriodKind.Month, m, y < 100 ? 2000 + y : y, a.Text));
                    result.NotValues.Add($"\"{a.Text}\" = tanggal");
                    a.Used = true;
                    continue;
                }
            }
            var sep = At(items, i + 1);
            var b = At(items, i + 2);
            if (sep is null || b is null || sep.Kind != Kind.Punct || b.Kind != Kind.Number || b.FromWords) continue;
            if (!Adjacent(a, sep) || !Adjacent(sep, b)) continue;
            if (sep.IsPunct(':') && a.IsWholeNumber && b.IsWholeNumber)
            {
                a.Used = sep.Used = b.Used = true; // a time of day
                result.NotValues.Add($"\"{a.Text}:{b.Text}\" = jam");
                continue;
            }
            if (!sep.IsPunct('/') && !sep.IsPunct('-')) continue;
            if (!a.IsWholeNumber || !b.IsWholeNumber) continue;
            var sep2 = At(items, i + 3);
            var c = At(items, i + 4);
            if (sep2 is not null && c is not null && sep2.Text == sep.Text && Adjacent(b, sep2) && Adjacent(sep2, c)
                && c.IsWholeNumber && b.Value is >= 1 and <= 12 && a.Value is >= 1 and <= 31 && AsYear(c, true) is { } year3)
            {
                result.Periods.Add(new PeriodMention(PeriodKind.Month, (int)b.Value!.Value, year3, $"{a.Text}{sep.Text}{b.Text}{sep2.Text}{c.Text}"));
                a.Used = sep.Used = b.Used = sep2.Used = c.Used = true;
                result.NotValues.Add($"\"{a.Text}{sep.Text}{b.Text}{sep2.Text}{c.Text}\" = tanggal");
                continue;
            }
            var text = a.Text + sep.Text + b.Text;
            if (a.Value is >= 1 and <= 12 && AsYear(b, false) is { } y1)
                result.Periods.Add(new PeriodMention(PeriodKind.Month, (int)a.Value!.Value, y1, text));
            else if (AsYear(a, false) is { } y2 && b.Value is >= 1 and <= 12)
                result.Periods.Add(new PeriodMention(PeriodKind.Month, (int)b.Value!.Value, y2, text));
            else if (sep.IsPunct('/') && a.Value is >= 1 and <= 31 && b.Value is >= 1 and <= 12)
                result.Periods.Add(new PeriodMention(PeriodKind.Month, (int)b.Value!.Value, null, text)); // day/month
            else continue;
            a.Used = sep.Used = b.Used = true;
            result.NotValues.Add($"\"{text}\" = periode");
        }
    }

    private static void ReadPeriodWords(List<Item> items, ReportText result)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var it = items[i];
            if (it.Kind != Kind.Word || it.Used) continue;
            var w = it.Text;
            if (QuarterWords.Contains(w) || w == "semester") ReadQuarter(items, i, result);
            else if (MonthWords.Contains(w)) ReadMonthWord(items, i, result);
            else if (Months.TryGetValue(w, out var month)) ReadMonthName(items, i, month, result);
            else if (YearWords.Contains(w)) ReadYear(items, i, result);
            else if (DayWords.Contains(w) || ClockWords.Contains(w))
            {
                if (At(items, i + 1) is { Kind: Kind.Number, Used: false } n)
                {
                    it.Used = true;
                    n.Used = true;
                    result.NotValues.Add($"\"{w} {n.Text}\" = {(DayWords.Contains(w) ? "tanggal" : "jam")}");
                    if (DayWords.Contains(w) && n.Value is >= 1 and <= 31 && !n.FromWords)
                        result.Periods.Add(new PeriodMention(PeriodKind.DayOfMonth, (int)n.Value.Value, null, $"{w} {n.Text}"));
                }
            }
            else if (w is "hari" or "hr")
            {
                var next = At(items, i + 1);
                if (next is not null && next.Kind == Kind.Word && ThisWords.Contains(next.Text))
                {
                    result.Periods.Add(new PeriodMention(PeriodKind.DaysFromNow, 0, null, "hari ini"));
                    it.Used = next.Used = true;
                }
                else if (next is not null && next.IsWord("ke") && At(items, i + 2) is { Kind: Kind.Number } n)
                {
                    it.Used = next.Used = n.Used = true;
                }
            }
            else if (w is "minggu" or "pekan" or "mgg")
            {
                var next = At(items, i + 1);
                if (next is { Kind: Kind.Word } && (ThisWords.Contains(next.Text) || LastWords.Contains(next.Text)))
                {
                    var days = ThisWords.Contains(next.Text) ? 0 : -7;
                    result.Periods.Add(new PeriodMention(PeriodKind.DaysFromNow, days, null, $"{w} {next.Text}"));
                    it.Used = next.Used = true;
                }
            }
            else if (YesterdayWords.Contains(w))
            {
                result.Periods.Add(new PeriodMention(PeriodKind.DaysFromNow, -1, null, w));
                it.Used = true;
            }
            else if (w == "ke" && At(items, i + 1) is { } dash && dash.IsPunct('-') && Adjacent(it, dash)
                     && At(items, i + 2) is { Kind: Kind.Number } ordinal && Adjacent(dash, ordinal))
            {
                it.Used = dash.Used = ordinal.Used = true; // "ke-2": an ordinal, not a count
            }
        }
    }

    private static void ReadQuarter(List<Item> items, int i, ReportText result)
    {
        var j = i + 1;
        while (At(items, j) is { } skip && (skip.IsPunct('-') || skip.IsPunct('.') || skip.IsPunct(':') || skip.IsWord("ke"))) j++;
        var numeral = At(items, j);
        int? q = null;
        if (numeral is not null && numeral.IsWholeNumber && numeral.Value <= 4) q = (int)numeral.Value!.Value;
        else if (numeral is { Kind: Kind.Word } && QuarterNumerals.TryGetValue(numeral.Text, out var roman)) q = roman;
        if (q is null) return; // "laporan tribulan": a word of the indicator, not a period
        var marker = items[i];
        var isSemester = marker.Text == "semester";
        var max = isSemester ? 2 : 4;
        for (var k = i; k <= j; k++) items[k].Used = true;
        var year = ReadYearAfter(items, j + 1);
        var text = $"{marker.Text} {numeral!.Text}";
        result.NotValues.Add($"\"{text}\" = {(isSemester ? "semester" : "triwulan")}");
        if (isSemester)
            result.Periods.Add(new PeriodMention(PeriodKind.Unsupported, 0, null, text));
        else if (q < 1 || q > max)
            result.Periods.Add(new PeriodMention(PeriodKind.Unsupported, q.Value, null, text));
        else
            result.Periods.Add(new PeriodMention(PeriodKind.Quarter, q.Value, year, text));
    }

    private static void ReadMonthWord(List<Item> items, int i, ReportText result)
    {
        var it = items[i];
        it.Used = true;
        var next = At(items, i + 1);
        if (next is null) return;
        if (next.Kind == Kind.Word && ThisWords.Contains(next.Text))
        {
            result.Periods.Add(new PeriodMention(PeriodKind.MonthsFromNow, 0, null, $"{it.Text} {next.Text}"));
            next.Used = true;
        }
        else if (next.Kind == Kind.Word && LastWords.Contains(next.Text))
        {
            result.Periods.Add(new PeriodMention(PeriodKind.MonthsFromNow, -1, null, $"{it.Text} {next.Text}"));
            next.Used = true;
            // "3 bulan lalu": a count of 3 for last month, or three months ago? Only the writer knows.
            if (At(items, i - 1) is { } before && before.IsWholeNumber && !before.Used)
                result.AmbiguousMonthsAgo = $"{before.Text} {it.Text} {next.Text}";
        }
        else if (next.Kind == Kind.Word && NextWords.Contains(next.Text))
        {
            result.Periods.Add(new PeriodMention(PeriodKind.MonthsFromNow, 1, null, $"{it.Text} {next.Text}"));
            next.Used = true;
        }
        else if (next.IsWholeNumber && !next.Used && next.Value is >= 1 and <= 12)
        {
            next.Used = true;
            var year = ReadYearAfter(items, i + 2);
            result.Periods.Add(new PeriodMention(PeriodKind.Month, (int)next.Value!.Value, year, $"{it.Text} {next.Text}"));
            result.NotValues.Add($"\"{it.Text} {next.Text}\" = bulan");
        }
    }

    private static void ReadMonthName(List<Item> items, int i, int month, ReportText result)
    {
        var it = items[i];
        it.Used = true;
        var year = ReadYearAfter(items, i + 1);
        result.Periods.Add(new PeriodMention(PeriodKind.Month, month, year, it.Text));
        if (At(items, i - 1) is { } before && before.IsWholeNumber && !before.Used && before.Value is >= 1 and <= 31 && !before.FromWords)
        {
            before.Used = true; // "27 okt" is most likely a date; kept aside in case nothing else is the value
            result.DaysOrValues.Add(new NumberMention(before.Value, before.Text));
        }
    }

    /// <summary>A year right after a period: "okt 2026", "okt '26", "okt-2026", "okt thn 2026", "okt tahun lalu" (returned as -1).</summary>
    private static int? ReadYearAfter(List<Item> items, int j)
    {
        var next = At(items, j);
        if (next is null) return null;
        if (next.IsPunct('-') || next.IsPunct('/') || next.IsPunct(',') || next.IsPunct('\''))
        {
            var afterSep = At(items, j + 1);
            if (AsYear(afterSep, next.IsPunct('\'')) is { } y) { next.Used = true; afterSep!.Used = true; return y; }
            return null;
        }
        if (AsYear(next, false) is { } year) { next.Used = true; return year; }
        if (next.Kind == Kind.Word && YearWords.Contains(next.Text))
        {
            var after = At(items, j + 1);
            if (AsYear(after, true) is { } y) { next.Used = after!.Used = true; return y; }
            if (after is { Kind: Kind.Word } && LastWords.Contains(after.Text)) { next.Used = after.Used = true; return -1; }
            if (after is { Kind: Kind.Word } && ThisWords.Contains(after.Text)) { next.Used = after.Used = true; return 0; }
        }
        return null;
    }

    /// <summary>"thn 2024", "tahun lalu": a year alone makes no period (it may describe the documents), but is not a count either.</summary>
    private static void ReadYear(List<Item> items, int i, ReportText result)
    {
        var next = At(items, i + 1);
        if (next is null) return;
        if (next.IsWholeNumber && !next.Used && !next.FromWords && (AsYear(next, true) is not null))
        {
            items[i].Used = next.Used = true;
            result.Years.Add(AsYear(next, true)!.Value);
            result.NotValues.Add($"\"{items[i].Text} {next.Text}\" = tahun");
        }
        else if (next is { Kind: Kind.Word } && (LastWords.Contains(next.Text) || ThisWords.Contains(next.Text)))
        {
            items[i].Used = next.Used = true;
        }
    }

    private static void ReadNumbers(List<Item> items, ReportText result)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var it = items[i];
            if (it.Kind == Kind.Word && !it.Used && it.Text == "nihil")
            {
                it.Used = true; // "kasus nihil": none this month
                result.Values.Add(new NumberMention(0, it.Text));
                continue;
            }
            if (it.Kind == Kind.Word && !it.Used && it.Text == "setengah")
            {
                it.Used = true;
                result.Values.Add(new NumberMention(null, it.Text, NumberProblem.Fraction));
                continue;
            }
            if (it.Kind != Kind.Number || it.Used) continue;
            it.Used = true;
            var next = At(items, i + 1);
            var text = it.Text;

            // A duration ("3 hari") is not a count, unless the unit word starts a period ("25 bulan ini").
            if (next is { Kind: Kind.Word } && DurationWords.Contains(next.Text) && !StartsPeriod(items, i + 1))
            {
                next.Used = true;
                result.NotValues.Add($"\"{it.Text} {next.Text}\" = lama waktu");
                continue;
            }
            if (!it.FromWords && AsYear(it, false) is { } year)
            {
                result.Years.Add(year);
                result.NotValues.Add($"\"{it.Text}\" = tahun");
                continue;
            }

            var problem = it.Malformed ? NumberProblem.Malformed : it.Huge ? NumberProblem.Huge : NumberProblem.None;
            var value = it.Fraction || it.Malformed ? (long?)null : it.Value;
            var prev = At(items, i - 1);
            if (prev is not null && !prev.Used && prev.IsPunct('-') && Adjacent(prev, it) && (At(items, i - 2) is not { } before || before.Kind == Kind.Punct || !Adjacent(before, prev)))
            {
                prev.Used = true;
                problem = NumberProblem.Negative;
                text = "-" + text;
            }
            else if (prev is { Kind: Kind.Word } && prev.Text is "minus" or "negatif" && !prev.Used)
            {
                prev.Used = true;
                problem = NumberProblem.Negative;
                text = "minus " + text;
            }

            if (next is { Kind: Kind.Word } && next.Text == "koma" && At(items, i + 2) is { Kind: Kind.Number } decimals)
            {
                next.Used = decimals.Used = true;
                text = $"{text} koma {decimals.Text}";
                value = null;
                if (problem == NumberProblem.None) problem = NumberProblem.Fraction;
                next = At(items, i + 3);
            }
            else if (next is { Kind: Kind.Word } && next.Text == "setengah")
            {
                next.Used = true;
                text = $"{text} setengah";
                value = null;
                if (problem == NumberProblem.None) problem = NumberProblem.Fraction;
                next = At(items, i + 2);
            }

            if (next is { Kind: Kind.Word } && ScaleWords.TryGetValue(next.Text, out var scale))
            {
                next.Used = true;
                text = $"{text} {next.Text}";
                value = ScaledValue(it, scale);
                if (value is not null && problem == NumberProblem.Fraction) problem = NumberProblem.None;
                next = At(items, items.IndexOf(next) + 1);
            }
            if (it.Fraction && value is null && problem == NumberProblem.None) problem = NumberProblem.Fraction;

            if (next is not null && (next.IsPunct('%') || next is { Kind: Kind.Word } && PercentWords.Contains(next.Text)))
            {
                next.Used = true;
                problem = NumberProblem.Percent;
            }
            else if (next is { Kind: Kind.Word, Used: false } && UnitWords.Contains(next.Text))
            {
                next.IsUnit = true;
            }

            result.Values.Add(new NumberMention(problem == NumberProblem.Negative && value is not null ? -value : value, text, problem));
        }
    }

    private static bool StartsPeriod(List<Item> items, int i)
    {
        var next = At(items, i + 1);
        if (next is null) return false;
        if (next.Kind == Kind.Word && (ThisWords.Contains(next.Text) || LastWords.Contains(next.Text) || NextWords.Contains(next.Text) || Months.ContainsKey(next.Text)))
            return true;
        return items[i].Used && next.Used; // "bulan 11" was already read as a period
    }

    /// <summary>"2,5 ribu" = 2500; "1.250 rb" = 1 250 000.</summary>
    private static long? ScaledValue(Item it, long scale)
    {
        if (it.Value is { } v) return v >= long.MaxValue / scale ? long.MaxValue : v * scale;
        if (decimal.TryParse(it.Text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            var scaled = d * scale;
            if (scaled == decimal.Truncate(scaled) && scaled < long.MaxValue) return (long)scaled;
        }
        return null;
    }
}
