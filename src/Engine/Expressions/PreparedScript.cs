using Acornima.Ast;
using Jint;

namespace ElsaFlow.Engine.Expressions;

/// <summary>A parsed script and whether running it leaves the engine as it found it.</summary>
internal sealed record PreparedScript(Prepared<Script> Script, bool LeavesNoTrace);
