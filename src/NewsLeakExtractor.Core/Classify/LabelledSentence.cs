using Microsoft.ML.Data;

namespace NewsLeakExtractor.Classify;

/// <summary>The sentence roles the classifier tells apart (the labels of <c>models/training/*.tsv</c>).</summary>
public static class SentenceRole
{
    /// <summary>The act of disclosure: who leaked, passed or revealed what to whom.</summary>
    public const string Disclosure = "disclosure";

    /// <summary>A reaction to a leak: statements, denials, condemnation, investigations, policy changes, charges.</summary>
    public const string Reaction = "reaction";

    /// <summary>A citation of the outlet that reported the leak.</summary>
    public const string Attribution = "attribution";

    /// <summary>Context inside a leak story that is none of the above.</summary>
    public const string Background = "background";

    /// <summary>Not about a leak (including gas leaks, undisclosed deal terms, authorised releases).</summary>
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Disclosure, Reaction, Attribution, Background, Other];

    /// <summary>Roles that make a sentence part of a leak story.</summary>
    public static bool IsAboutLeak(string role) => role is Disclosure or Reaction or Attribution;
}

/// <summary>One training example: a sentence, its role, and the incident it was written about (kept together in cross-validation).</summary>
public sealed class LabelledSentence
{
    [LoadColumn(0)]
    public string Label { get; set; } = string.Empty;

    [LoadColumn(1)]
    public string Incident { get; set; } = string.Empty;

    [LoadColumn(2)]
    public string Text { get; set; } = string.Empty;
}

/// <summary>The classifier's input at run time.</summary>
public sealed class SentenceInput
{
    public string Text { get; set; } = string.Empty;

    /// <summary>Unknown at run time; present because the saved pipeline starts by reading the label column.</summary>
    public string Label { get; set; } = string.Empty;
}

/// <summary>The classifier's output: the predicted role and one probability per role (in the model's label order).</summary>
public sealed class SentencePrediction
{
    [ColumnName("PredictedLabel")]
    public string Role { get; set; } = string.Empty;

    [ColumnName("Score")]
    public float[] Scores { get; set; } = [];
}
