namespace ElsaFlow.Engine.Activities;

/// <summary>Whether a Switch follows the first matching case or every matching case.</summary>
public enum SwitchMode { MatchFirst, MatchAny }
