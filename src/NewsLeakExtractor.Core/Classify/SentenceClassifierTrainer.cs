using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Transforms.Text;

namespace NewsLeakExtractor.Classify;

/// <summary>
/// Trains the sentence-role classifier from the labelled corpus: word and character n-grams into a
/// maximum-entropy model, cross-validated with whole incidents held out, deterministic for a fixed seed.
/// </summary>
public sealed class SentenceClassifierTrainer
{
    public const int Seed = 20170524;
    private const int Folds = 5;

    public TrainingReport Train(IReadOnlyList<LabelledSentence> corpus, string modelPath)
    {
        var ml = new MLContext(seed: Seed);
        var pipeline = BuildPipeline(ml);

        // Folds split by incident, so the scores say how the model does on incidents it has never seen.
        var confusion = new Dictionary<(string Truth, string Predicted), int>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var held = corpus.Where(s => FoldOf(s.Incident) == fold).ToList();
            var train = corpus.Where(s => FoldOf(s.Incident) != fold).ToList();
            var foldModel = pipeline.Fit(ml.Data.LoadFromEnumerable(train));
            var predicted = ml.Data.CreateEnumerable<SentencePrediction>(foldModel.Transform(ml.Data.LoadFromEnumerable(held)), reuseRowObject: false);
            foreach (var (truth, prediction) in held.Zip(predicted))
            {
                var key = (truth.Label, prediction.Role);
                confusion[key] = confusion.GetValueOrDefault(key) + 1;
            }
        }

        var all = ml.Data.LoadFromEnumerable(corpus);
        var model = pipeline.Fit(all);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelPath))!);
        ml.Model.Save(model, all.Schema, modelPath);
        StampEntries(modelPath);

        var total = confusion.Values.Sum();
        var correct = confusion.Where(c => c.Key.Truth == c.Key.Predicted).Sum(c => c.Value);
        var perClass = SentenceRole.All.ToDictionary(role => role, role =>
        {
            var tp = confusion.GetValueOrDefault((role, role));
            var predictedAs = confusion.Where(c => c.Key.Predicted == role).Sum(c => c.Value);
            var actual = confusion.Where(c => c.Key.Truth == role).Sum(c => c.Value);
            return (predictedAs == 0 ? 0.0 : (double)tp / predictedAs, actual == 0 ? 0.0 : (double)tp / actual);
        });
        return new TrainingReport(corpus.Count, corpus.Select(s => s.Incident).Distinct().Count(), Folds, (double)correct / total, perClass.Values.Average(v => v.Item2), perClass,
            corpus.GroupBy(s => s.Label).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>Gives every zip entry the same timestamp, so the same data gives a byte-identical model (and model version).</summary>
    private static void StampEntries(string modelPath)
    {
        using var zip = System.IO.Compression.ZipFile.Open(modelPath, System.IO.Compression.ZipArchiveMode.Update);
        foreach (var entry in zip.Entries)
        {
            entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        }
    }

    /// <summary>A stable fold per incident (string.GetHashCode is randomised per process, so it cannot be used).</summary>
    private static int FoldOf(string incident)
    {
        var hash = 2166136261u;
        foreach (var c in incident)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Folds);
    }

    internal static IEstimator<ITransformer> BuildPipeline(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("Label", "Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = true,
                KeepNumbers = false,
                StopWordsRemoverOptions = null,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(LabelledSentence.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                NumberOfThreads = 1, // one thread keeps training bit-for-bit repeatable
                MaximumNumberOfIterations = 100,
                L2Regularization = 1e-6f,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel", "PredictedLabel"));

    /// <summary>Reads every <c>*.tsv</c> of the training folder (columns: label, incident, sentence; a header line).</summary>
    public static List<LabelledSentence> LoadCorpus(string directory)
    {
        var corpus = new List<LabelledSentence>();
        foreach (var file in Directory.GetFiles(directory, "*.tsv").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file, Encoding.UTF8).Skip(1))
            {
                var parts = line.Split('\t');
                if (parts.Length == 3 && SentenceRole.All.Contains(parts[0].Trim()))
                {
                    corpus.Add(new LabelledSentence { Label = parts[0].Trim(), Incident = parts[1].Trim(), Text = parts[2].Trim() });
                }
            }
        }

        return corpus;
    }
}

public sealed record TrainingReport(
    int Sentences,
    int Incidents,
    int Folds,
    double MicroAccuracy,
    double MacroAccuracy,
    IReadOnlyDictionary<string, (double Precision, double Recall)> PerClass,
    IReadOnlyDictionary<string, int> LabelCounts)
{
    public string ToTable()
    {
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"| role | sentences | precision | recall |");
        builder.AppendLine("|---|---:|---:|---:|");
        foreach (var (role, (precision, recall)) in PerClass)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"| {role} | {LabelCounts.GetValueOrDefault(role)} | {precision:0.000} | {recall:0.000} |");
        }

        builder.AppendLine(CultureInfo.InvariantCulture, $"\nmicro-accuracy {MicroAccuracy:0.000}, macro-accuracy {MacroAccuracy:0.000} ({Folds}-fold cross-validation, folds split by incident; {Sentences} sentences, {Incidents} incidents)");
        return builder.ToString();
    }
}
