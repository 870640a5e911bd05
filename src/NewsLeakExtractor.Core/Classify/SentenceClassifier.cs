using Microsoft.ML;
using Microsoft.ML.Data;

namespace NewsLeakExtractor.Classify;

/// <summary>
/// Gives each sentence of an article its role (disclosure, reaction, attribution, background, other)
/// with the committed model (<c>models/sentence-classifier.zip</c>, embedded at build time).
/// Safe to share across threads.
/// </summary>
public sealed class SentenceClassifier : IDisposable
{
    public const string ModelResource = "models/sentence-classifier.zip";

    private readonly MLContext _ml = new(seed: SentenceClassifierTrainer.Seed);
    private readonly ITransformer _model;
    private readonly string[] _roles;

    // A prediction engine scores one sentence in microseconds where a batch transform costs milliseconds of set-up,
    // but it is not thread-safe: one per thread.
    private readonly ThreadLocal<PredictionEngine<SentenceInput, SentencePrediction>> _engines;

    public SentenceClassifier()
        : this(OpenEmbeddedModel())
    {
    }

    public SentenceClassifier(Stream model)
    {
        _model = _ml.Model.Load(model, out var schema);
        var output = _model.GetOutputSchema(schema);
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        output["Score"].GetSlotNames(ref slotNames);
        _roles = slotNames.DenseValues().Select(v => v.ToString()).ToArray();
        _engines = new ThreadLocal<PredictionEngine<SentenceInput, SentencePrediction>>(() => _ml.Model.CreatePredictionEngine<SentenceInput, SentencePrediction>(_model), trackAllValues: true);
        Version = $"sdca-maxent/{ModelHash(model)}";
    }

    /// <summary>Identifies the model behind a record (stored with every event).</summary>
    public string Version { get; }

    public IReadOnlyList<SentenceRoleScores> Classify(IReadOnlyList<string> sentences)
    {
        if (sentences.Count == 0)
        {
            return [];
        }

        var engine = _engines.Value!;
        var results = new List<SentenceRoleScores>(sentences.Count);
        foreach (var sentence in sentences)
        {
            var prediction = engine.Predict(new SentenceInput { Text = sentence });
            results.Add(new SentenceRoleScores(prediction.Role, _roles.Zip(prediction.Scores).ToDictionary(x => x.First, x => (double)x.Second)));
        }

        return results;
    }

    public void Dispose()
    {
        foreach (var engine in _engines.Values)
        {
            engine.Dispose();
        }

        _engines.Dispose();
    }

    private static MemoryStream OpenEmbeddedModel()
    {
        var stream = typeof(SentenceClassifier).Assembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidOperationException($"{ModelResource} is not embedded: run `train` to create it, then rebuild");
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    private static string ModelHash(Stream model)
    {
        model.Position = 0;
        var hash = System.Security.Cryptography.SHA256.HashData(model);
        return Convert.ToHexString(hash, 0, 6).ToLowerInvariant();
    }
}

/// <summary>A sentence's most likely role and the probability of each role.</summary>
public sealed record SentenceRoleScores(string Role, IReadOnlyDictionary<string, double> Probabilities)
{
    public double this[string role] => Probabilities.GetValueOrDefault(role);

    /// <summary>The probability that the sentence belongs to a leak story in any role.</summary>
    public double LeakProbability => this[SentenceRole.Disclosure] + this[SentenceRole.Reaction] + this[SentenceRole.Attribution];
}
