import { describe, expect, it } from 'vitest';
import { explore } from '../../../src/explorer/index.ts';
import { BUILDER_TYPES, layerSource, layersOfModel, moveLayer, newLayer, stackSource } from '../../../components/explorer/builder.ts';
import type { BuilderLayer } from '../../../components/explorer/builder.ts';

const lenet: BuilderLayer[] = [
  { type: 'Conv2d', args: { in_channels: 1, out_channels: 6, kernel_size: 5, stride: 1, padding: 2 } },
  { type: 'Tanh', args: {} },
  { type: 'AvgPool2d', args: { kernel_size: 2, stride: 2 } },
  { type: 'Conv2d', args: { in_channels: 6, out_channels: 16, kernel_size: 5, stride: 1, padding: 0 } },
  { type: 'BatchNorm2d', args: { num_features: 16 } },
  { type: 'ReLU', args: {} },
  { type: 'MaxPool2d', args: { kernel_size: 3, stride: 2 } },
  { type: 'Flatten', args: {} },
  { type: 'Dropout', args: { p: 0.25 } },
  { type: 'Linear', args: { in_features: 256, out_features: 10 } },
  { type: 'Sigmoid', args: {} },
];

describe('layer builder', () => {
  it('writes PyTorch arguments, leaving out the defaults', () => {
    expect(layerSource(lenet[0])).toBe('nn.Conv2d(1, 6, kernel_size=5, padding=2)');
    expect(layerSource(lenet[2])).toBe('nn.AvgPool2d(kernel_size=2)');
    expect(layerSource(lenet[6])).toBe('nn.MaxPool2d(kernel_size=3, stride=2)');
    expect(layerSource(lenet[8])).toBe('nn.Dropout(p=0.25)');
    expect(layerSource(newLayer('Dropout'))).toBe('nn.Dropout()');
    expect(layerSource(lenet[9])).toBe('nn.Linear(256, 10)');
  });

  it('reads back from the model the explorer builds out of its code: the same layers', () => {
    const result = explore(stackSource(lenet), { input: [1, 1, 28, 28] });
    expect(result.diagnostics).toEqual([]);
    expect(result.outputShape).toEqual([1, 10]);
    expect(layersOfModel(result.model)).toEqual(lenet);
  });

  it('offers every layer type with arguments that build', () => {
    for (const type of BUILDER_TYPES) {
      const result = explore(stackSource([newLayer(type)]));
      expect(result.diagnostics, type).toEqual([]);
      expect(layersOfModel(result.model), type).toEqual([newLayer(type)]);
    }
  });

  it('leaves models it cannot show faithfully to the editor', () => {
    const cases = [
      'import torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(1, 4, 3, dilation=2))\n',
      'import torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(1, 4, (3, 5)))\n',
      'import torch.nn as nn\nmodel = nn.Sequential(nn.LeakyReLU())\n',
      'import torch.nn as nn\nmodel = nn.Sequential(nn.Flatten(0))\n',
      'import torch.nn as nn\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 2)\n\n    def forward(self, x):\n        return self.fc(x)\n\nmodel = Net()\n',
    ];
    for (const code of cases) {
      const result = explore(code);
      expect(result.model, code).not.toBeNull();
      expect(layersOfModel(result.model), code).toBeNull();
    }
    expect(layersOfModel(null)).toBeNull();
  });

  it('moves layers within the stack', () => {
    expect(moveLayer(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveLayer(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveLayer(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
