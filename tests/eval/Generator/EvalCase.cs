namespace IkiBot.Eval;

/// <summary>Which part of the evaluation a case belongs to. HeldOut is never looked at case by case while tuning.</summary>
public enum EvalPart { Dev, Seen, HeldOut, Hand }

/// <summary>A question with what a right answer is: the intent code and the jabatan (any listed one as top-1; none = no jabatan).</summary>
public sealed record AskCase(string Id, EvalPart Part, string Text, string Intent, IReadOnlyList<string> Jabatan);

/// <summary>
/// A report with what a right reading is. Expect: "ok" (store Value on the one row), "clarify" (ask with exactly these rows),
/// "reject" (refuse), or "notstored" (clarify or reject both fine, storing is wrong).
/// </summary>
public sealed record ReportCase(string Id, EvalPart Part, string As, string Text, string Expect, IReadOnlyList<int> Rows, int? Value);
