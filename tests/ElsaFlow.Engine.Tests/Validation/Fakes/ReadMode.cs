namespace ElsaFlow.Engine.Tests.Validation.Fakes;

public enum ReadMode { Strict, Lenient }
