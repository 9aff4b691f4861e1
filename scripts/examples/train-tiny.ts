import { nn, optim, randn, crossEntropy } from '../../src/engine/index.ts';

const model = new nn.Sequential(new nn.Conv2d(1, 8, 3, { padding: 1 }), new nn.ReLU(), new nn.MaxPool2d(2), new nn.Flatten(), new nn.Linear(8 * 14 * 14, 10)).reseed(0);
const images = randn([16, 1, 28, 28], { seed: 1 }); // a stand-in batch: 16 greyscale 28x28 pictures
const labels = Array.from({ length: 16 }, (_, i) => i % 10);
const optimizer = new optim.SGD(model.parameters(), { lr: 0.01, momentum: 0.9 });
for (let step = 1; step <= 20; step++) {
  optimizer.zeroGrad();
  const loss = crossEntropy(model.forward(images), labels);
  loss.backward();
  optimizer.step();
  if (step % 5 === 0) console.log(`step ${step}: loss ${loss.item().toFixed(4)}`);
}
