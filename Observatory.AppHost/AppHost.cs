// Observatory under .NET Aspire. Resource names are fixed: the services read their wiring by them
// (ConnectionStrings__observatory / __cache / __llm, services__apiservice__http__0), exactly as `./observatory up` sets it.
var builder = DistributedApplication.CreateBuilder(args);

// Secrets: from user secrets or configuration (Parameters:admin-key, env Parameters__admin-key); the dashboard
// asks for any that are missing, `azd up` prompts once per environment.
var adminKey = builder.AddParameter("admin-key", secret: true);
var identitySecret = builder.AddParameter("identity-secret", secret: true);
var jwtSigningKey = builder.AddParameter("jwt-signing-key", secret: true);

var postgres = builder.AddPostgres("postgres")
    .WithDataVolume();
var database = postgres.AddDatabase("observatory");

var cache = builder.AddRedis("cache")
    .WithDataVolume();

// qwen2.5:1.5b: instruction-tuned, about 1 GB quantised, fast enough on CPU, follows JSON-only instructions well, and
// trained for a 32k-token context. Ollama's default window (2-4k tokens) would cut a 24,000-character transcript (the
// worker's MaxTranscriptChars) plus the prompt, so the server's window is raised.
var llm = builder.AddOllama("ollama")
    .WithDataVolume()
    .WithEnvironment("OLLAMA_CONTEXT_LENGTH", "16384")
    .AddModel("llm", "qwen2.5:1.5b");

// Applies the migrations at start-up (under an advisory lock, so replicas are safe).
var apiService = builder.AddProject<Projects.Observatory_ApiService>("apiservice")
    .WithReference(database)
    .WithReference(cache)
    .WithEnvironment("Observatory__Gateway__IdentitySecret", identitySecret)
    .WaitFor(database)
    .WaitFor(cache)
    .WithHttpHealthCheck("/health");

// No WaitFor(llm): the first start pulls the model (minutes). Until it answers, analyses with options.llm "auto" run
// on the engine alone (engine.llm.used = false) and "required" ones fail with llm_unavailable; the worker never blocks.
var analysisWorker = builder.AddProject<Projects.Observatory_AnalysisWorker>("analysisworker")
    .WithReference(database)
    .WithReference(cache)
    .WithReference(llm)
    .WaitFor(database)
    .WaitFor(cache)
    .WithHttpHealthCheck("/health");

// The only public entry point.
builder.AddProject<Projects.Observatory_Gateway>("gateway")
    .WithReference(cache)
    .WithReference(apiService)
    .WithReference(analysisWorker) // only so /metrics through the gateway includes the worker's
    .WithEnvironment("Observatory__Auth__AdminKey", adminKey)
    .WithEnvironment("Observatory__Gateway__IdentitySecret", identitySecret)
    .WithEnvironment("Observatory__Auth__Jwt__SigningKey", jwtSigningKey)
    .WaitFor(apiService)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
