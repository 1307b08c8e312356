namespace ElsaFlow.Activities.Http;

/// <summary>The answer an <see cref="HttpResponse"/> gives to the request that started its flow.</summary>
public sealed record HttpAnswer(int StatusCode, IReadOnlyDictionary<string, string> Headers, string? Body, string ContentType);
