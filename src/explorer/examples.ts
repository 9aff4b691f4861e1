/**
 * The example networks the explorer offers, as files in ./examples/ (plain
 * Python that runs unchanged in PyTorch). This list says what each is and the
 * input it is meant for; the page reads the files at build time
 * (`import.meta.glob('./examples/*.py', { query: '?raw', import: 'default', eager: true })`)
 * and the command line reads them from disk.
 */
export interface ExplorerExample {
  /** File name without ".py" in ./examples/. */
  id: string;
  title: { en: string; ko: string };
  /** The input it is written for, batch first. */
  input: readonly number[];
  /** Whether it has a bug to find (the explorer reports an error or a warning). */
  buggy: boolean;
}

export const EXAMPLES: readonly ExplorerExample[] = [
  { id: 'lesson12-cnn', title: { en: "Lesson 12's CNN (find the bug)", ko: '12강의 CNN (버그 찾기)' }, input: [1, 3, 256, 256], buggy: true },
  { id: 'lenet5', title: { en: 'LeNet-5', ko: 'LeNet-5' }, input: [1, 1, 28, 28], buggy: false },
  { id: 'mini-alexnet', title: { en: 'Mini-AlexNet', ko: '미니 AlexNet' }, input: [1, 3, 64, 64], buggy: false },
  { id: 'mini-vgg', title: { en: 'Mini-VGG', ko: '미니 VGG' }, input: [1, 3, 32, 32], buggy: false },
  { id: 'mini-resnet', title: { en: 'Mini-ResNet', ko: '미니 ResNet' }, input: [1, 3, 32, 32], buggy: false },
];
