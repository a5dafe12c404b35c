using Likeness.Bench;

return await BenchCommands.RunAsync(args);
