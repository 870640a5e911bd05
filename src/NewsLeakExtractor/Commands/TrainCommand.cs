using System.CommandLine;
using System.Globalization;
using NewsLeakExtractor.Classify;

namespace NewsLeakExtractor.Cli.Commands;

/// <summary><c>train</c>: fit the sentence-role classifier on models/training, report cross-validated metrics, write the model and its card.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Folder of labelled *.tsv files (label, incident, sentence).", DefaultValueFactory = _ => new DirectoryInfo("models/training") };
        var model = new Option<FileInfo>("--model") { Description = "Where to write the model.", DefaultValueFactory = _ => new FileInfo("models/sentence-classifier.zip") };
        var card = new Option<FileInfo>("--card") { Description = "Where to write the model card.", DefaultValueFactory = _ => new FileInfo("models/README.md") };
        var command = new Command("train", "Train the sentence-role classifier (deterministic), print cross-validated precision and recall per role, write the model and the model card.")
        {
            data, model, card,
        };
        command.SetAction(parse => Run(parse.GetValue(data)!, parse.GetValue(model)!, parse.GetValue(card)!));
        return command;
    }

    private static int Run(DirectoryInfo data, FileInfo model, FileInfo card)
    {
        if (!data.Exists)
        {
            Console.Error.WriteLine($"error: no training folder {data.FullName}");
            return 1;
        }

        var corpus = SentenceClassifierTrainer.LoadCorpus(data.FullName);
        Console.WriteLine($"training on {corpus.Count} sentences from {data.FullName}");
        var report = new SentenceClassifierTrainer().Train(corpus, model.FullName);
        var table = report.ToTable();
        Console.WriteLine(table);
        Console.WriteLine($"model written to {model.FullName} ({model.Length / 1024.0:0} KB)");
        File.WriteAllText(card.FullName, ModelCard.Render(report, table));
        Console.WriteLine($"model card written to {card.FullName}");
        return 0;
    }
}
