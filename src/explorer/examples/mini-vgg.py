# A small VGG for 32x32 colour images (CIFAR-10 size): stacks of 3x3
# convolutions with batch normalisation, halved by 2x2 max pooling, built from
# a list the way torchvision's VGG is ('M' marks a pooling layer).
import torch
import torch.nn as nn

cfg = [32, 32, 'M', 64, 64, 'M', 128, 128, 'M']


class MiniVGG(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        layers = []
        in_channels = 3
        for v in cfg:
            if v == 'M':
                layers.append(nn.MaxPool2d(kernel_size=2, stride=2))
            else:
                layers += [nn.Conv2d(in_channels, v, kernel_size=3, padding=1), nn.BatchNorm2d(v), nn.ReLU(inplace=True)]
                in_channels = v
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Sequential(
            nn.Linear(128 * 4 * 4, 256),
            nn.ReLU(True),
            nn.Dropout(0.5),
            nn.Linear(256, num_classes),
        )

    def forward(self, x):
        x = self.features(x)
        x = x.view(x.size(0), -1)
        x = self.classifier(x)
        return x
