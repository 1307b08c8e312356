Console.WriteLine("elsaflow");
