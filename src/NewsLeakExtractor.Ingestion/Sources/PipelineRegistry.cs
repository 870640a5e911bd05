namespace NewsLeakExtractor.Ingestion.Sources;

/// <summary>The sources the service runs, as loaded from the pipelines folder at start, with the catalog's errors.</summary>
public sealed class PipelineRegistry
{
    private volatile PipelineCatalogResult _current = new([], []);

    public IReadOnlyList<PipelineSource> Sources => _current.Sources;

    /// <summary>Problems in pipeline files (bad JSON, a bad cron expression...): shown with the sources, never fatal.</summary>
    public IReadOnlyList<string> Errors => _current.Errors;

    public PipelineSource? Find(string sourceId) => _current.Sources.FirstOrDefault(s => s.Id == sourceId);

    public void Replace(PipelineCatalogResult catalog) => _current = catalog;
}
